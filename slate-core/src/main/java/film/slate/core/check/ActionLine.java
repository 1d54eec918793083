package film.slate.core.check;

import film.slate.core.model.Axis;
import film.slate.core.model.Point;
import film.slate.core.stage.Staging;
import java.util.Optional;

/**
 * The 180-degree line at one instant: through two characters where they stand then, or fixed
 * points. A camera within {@link #NEUTRAL} metres of it is on the line, on neither side.
 */
public record ActionLine(Point from, Point to, String label) {
    /** The neutral band of FORMAT.md: half-width of the line, in metres. */
    public static final double NEUTRAL = 0.1;

    /** The line of {@code axis} at instant {@code t} of a staged shot. */
    public static Optional<ActionLine> of(Axis axis, Staging staging, double t) {
        if (axis instanceof Axis.Line l) {
            return Optional.of(new ActionLine(l.from(), l.to(), l.from() + "-" + l.to()));
        }
        Axis.Between b = (Axis.Between) axis;
        Optional<Point> a = staging.position(b.first(), t);
        Optional<Point> c = staging.position(b.second(), t);
        if (a.isEmpty() || c.isEmpty() || a.get().distance(c.get()) < 1e-6) {
            return Optional.empty();
        }
        return Optional.of(new ActionLine(a.get(), c.get(), b.first() + "-" + b.second()));
    }

    /** Signed distance of {@code p} from the line: positive on the left looking from {@code from} to {@code to}. */
    public double signedDistance(Point p) {
        Point dir = to.minus(from);
        return dir.cross(p.minus(from)) / dir.length();
    }

    /** +1 left of the line, -1 right, 0 within the neutral band. */
    public int side(Point p) {
        double s = signedDistance(p);
        return Math.abs(s) < NEUTRAL ? 0 : (int) Math.signum(s);
    }
}
