package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.awt.Color;

/** A line drawn in the set (the metre grid), {@code pixels} wide at 1280 pixels of frame width. */
record Segment(Vec3 from, Vec3 to, Color color, float pixels) {
}
