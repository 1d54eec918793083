package film.slate.core.stage;

/** Lens geometry on a full-frame sensor (36 mm wide), the convention every focal length in the format follows. */
public final class Lens {
    public static final double SENSOR_WIDTH_MM = 36.0;
    /** The range a real lens kit covers; outside it previz would mislead. */
    public static final double MIN_MM = 8;
    public static final double MAX_MM = 600;

    private Lens() {
    }

    /** Horizontal field of view in degrees of a lens of {@code mm}. */
    public static double horizontalFov(double mm) {
        return StrictMath.toDegrees(2 * StrictMath.atan(SENSOR_WIDTH_MM / (2 * mm)));
    }
}
