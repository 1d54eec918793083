package film.slate.core.stage;

import film.slate.core.model.Point;

/**
 * Where a camera is and what it looks at, at one instant: the eye, the point it aims at and the
 * lens. It projects set points into the picture, the one projection previz and the rules share.
 */
public record CameraPose(Vec3 eye, Vec3 target, double lens) {

    /** Unit view direction. */
    public Vec3 forward() {
        return target.minus(eye).unit();
    }

    /** Unit vector to the right of the picture (horizontal; world z is up). */
    public Vec3 right() {
        Vec3 f = forward();
        Vec3 r = new Vec3(f.y(), -f.x(), 0);
        if (r.length() < 1e-9) {
            return new Vec3(1, 0, 0); // looking straight up or down: any horizontal right will do
        }
        return r.unit();
    }

    /** Unit vector to the top of the picture. */
    public Vec3 up() {
        return right().cross(forward()).unit();
    }

    /** The horizontal bearing of the view, compass degrees. */
    public double bearing() {
        return eye.plan().bearingTo(target.plan());
    }

    /** Horizontal field of view in degrees. */
    public double horizontalFov() {
        return Lens.horizontalFov(lens);
    }

    /**
     * Where {@code p} lands in the picture, as x and y in [-1, 1] across the frame width (x right,
     * y up; y spans +-height/width at the frame edges), or empty when it is behind the camera.
     */
    public java.util.Optional<Point> project(Vec3 p) {
        Vec3 d = p.minus(eye);
        double depth = d.dot(forward());
        if (depth <= 1e-6) {
            return java.util.Optional.empty();
        }
        double half = StrictMath.tan(StrictMath.toRadians(horizontalFov() / 2));
        return java.util.Optional.of(new Point(d.dot(right()) / (depth * half), d.dot(up()) / (depth * half)));
    }

    /** Distance along the view axis (positive in front). */
    public double depth(Vec3 p) {
        return p.minus(eye).dot(forward());
    }
}
