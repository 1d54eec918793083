package film.slate.core.plan;

import film.slate.core.model.Aim;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;

/** A camera the solver chose for a beat: where, how high, which lens, what it looks at, the framing that gives, and why. */
record Placement(Point at, double height, double lens, Aim aim, Framing framing, String why) {
}
