package film.slate.core.stage;

import film.slate.core.model.Point;

/** A point or vector in the set, in metres: x east, y north, z up. */
public record Vec3(double x, double y, double z) {

    public static Vec3 of(Point p, double z) {
        return new Vec3(p.x(), p.y(), z);
    }

    public Point plan() {
        return new Point(x, y);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double k) {
        return new Vec3(x * k, y * k, z * k);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(dot(this));
    }

    public Vec3 unit() {
        double l = length();
        return l == 0 ? this : times(1 / l);
    }

    public Vec3 lerp(Vec3 o, double t) {
        return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
    }
}
