package film.slate.core.model;

/** A point or a vector on the floor plan, in metres: x east, y north. */
public record Point(double x, double y) {
    public static final Point ORIGIN = new Point(0, 0);

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point must be finite: " + x + ", " + y);
        }
    }

    public Point plus(Point o) {
        return new Point(x + o.x, y + o.y);
    }

    public Point minus(Point o) {
        return new Point(x - o.x, y - o.y);
    }

    public Point times(double k) {
        return new Point(x * k, y * k);
    }

    public double dot(Point o) {
        return x * o.x + y * o.y;
    }

    /** The z of the 3-D cross product: positive when {@code o} lies counter-clockwise of this. */
    public double cross(Point o) {
        return x * o.y - y * o.x;
    }

    public double length() {
        return StrictMath.hypot(x, y);
    }

    public double distance(Point o) {
        return StrictMath.hypot(x - o.x, y - o.y);
    }

    /** The point {@code t} of the way from this to {@code o}. */
    public Point lerp(Point o, double t) {
        return new Point(x + (o.x - x) * t, y + (o.y - y) * t);
    }

    /**
     * The compass bearing from this point to {@code o}: 0 north, 90 east, in [0, 360). StrictMath:
     * a walk's bearing becomes its facing in recipes, and Math.atan2 may differ by an ulp between
     * platforms.
     */
    public double bearingTo(Point o) {
        double deg = StrictMath.toDegrees(StrictMath.atan2(o.x - x, o.y - y));
        return deg < 0 ? deg + 360 : deg;
    }

    /**
     * The unit vector of a compass bearing. StrictMath: it places cameras by intent, set pieces'
     * corners and the prop in a hand that {@code look_at} by name aims at, all of which reach recipes.
     */
    public static Point ofBearing(double degrees) {
        double r = StrictMath.toRadians(degrees);
        return new Point(StrictMath.sin(r), StrictMath.cos(r));
    }

    @Override
    public String toString() {
        return "[" + trim(x) + ", " + trim(y) + "]";
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Rounded.millimetres(d));
    }
}
