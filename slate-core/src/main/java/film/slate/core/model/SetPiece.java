package film.slate.core.model;

import java.util.List;
import java.util.Objects;

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
