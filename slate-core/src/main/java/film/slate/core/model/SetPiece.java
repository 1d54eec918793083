package film.slate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A solid piece of a location's set (a bench, a table, the lens housing): a block standing on the
 * floor, {@code width} x {@code depth} metres centred on {@code at}, {@code height} metres tall,
 * its width turned to {@code facing} compass degrees (0: width along x). Previz draws it, hides
 * what stands behind it, and seats a character whose mark is on it at its height.
 */
public record SetPiece(String id, Point at, double width, double depth, double height, double facing) {
    public SetPiece {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
    }

    /** The four corners of its footprint, counter-clockwise seen from above. */
    public List<Point> corners() {
        Point across = across();
        Point along = along();
        Point a = across.times(width / 2);
        Point d = along.times(depth / 2);
        return List.of(at.minus(a).minus(d), at.plus(a).minus(d), at.plus(a).plus(d), at.minus(a).plus(d));
    }

    /** Whether {@code p} stands on its footprint. */
    public boolean covers(Point p) {
        Point rel = p.minus(at);
        return Math.abs(rel.dot(across())) <= width / 2 + 1e-9 && Math.abs(rel.dot(along())) <= depth / 2 + 1e-9;
    }

    /** The unit direction of its width: east when it faces north (0 degrees). */
    private Point across() {
        return Point.ofBearing(facing + 90);
    }

    /** The unit direction of its depth: north when it faces north. */
    private Point along() {
        return Point.ofBearing(facing);
    }

    /**
     * The highest piece of {@code set} under any part of a square of half-side {@code half}
     * centred on {@code centre} and turned to {@code facing}: what a prop of that footprint rests
     * on (empty: the floor).
     */
    public static Optional<SetPiece> under(List<SetPiece> set, Point centre, double half, double facing) {
        SetPiece top = null;
        for (SetPiece s : set) {
            if ((top == null || s.height() > top.height()) && s.overlaps(centre, half, facing)) {
                top = s;
            }
        }
        return Optional.ofNullable(top);
    }

    /** Whether its footprint and the turned square share any floor (separating axes: two rectangles meet unless one of their four edge directions parts them). */
    private boolean overlaps(Point centre, double half, double facing) {
        Point f = Point.ofBearing(facing);
        Point r = Point.ofBearing(facing + 90);
        List<Point> square = List.of(centre.minus(r.times(half)).minus(f.times(half)), centre.plus(r.times(half)).minus(f.times(half)),
                centre.plus(r.times(half)).plus(f.times(half)), centre.minus(r.times(half)).plus(f.times(half)));
        List<Point> mine = corners();
        for (Point axis : List.of(across(), along(), f, r)) {
            if (apart(mine, square, axis)) {
                return false;
            }
        }
        return true;
    }

    private static boolean apart(List<Point> a, List<Point> b, Point axis) {
        double aMin = Double.MAX_VALUE, aMax = -Double.MAX_VALUE, bMin = Double.MAX_VALUE, bMax = -Double.MAX_VALUE;
        for (Point p : a) {
            aMin = Math.min(aMin, p.dot(axis));
            aMax = Math.max(aMax, p.dot(axis));
        }
        for (Point p : b) {
            bMin = Math.min(bMin, p.dot(axis));
            bMax = Math.max(bMax, p.dot(axis));
        }
        return aMax <= bMin + 1e-9 || bMax <= aMin + 1e-9;
    }

    /** The height of the highest piece of {@code set} under {@code p}, 0 (the floor) when none is. */
    public static double surface(List<SetPiece> set, Point p) {
        double top = 0;
        for (SetPiece s : set) {
            if (s.covers(p)) {
                top = Math.max(top, s.height());
            }
        }
        return top;
    }
}
