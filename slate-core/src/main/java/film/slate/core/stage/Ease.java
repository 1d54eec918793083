package film.slate.core.stage;

/** The ease every move and walk follows: smooth start, smooth stop (smoothstep). */
public final class Ease {
    private Ease() {
    }

    /** Eased progress for linear progress {@code t} in [0, 1]. */
    public static double inOut(double t) {
        double c = Math.max(0, Math.min(1, t));
        return c * c * (3 - 2 * c);
    }

    /** The angle {@code t} of the way from {@code a} to {@code b} degrees, the short way round, in [0, 360). */
    public static double angle(double a, double b, double t) {
        double delta = ((b - a) % 360 + 540) % 360 - 180;
        double v = a + delta * t;
        return ((v % 360) + 360) % 360;
    }
}
