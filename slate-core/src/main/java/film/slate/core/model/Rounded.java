package film.slate.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Computed numbers as a recipe writes them, so that its bytes (and id) never depend on the last
 * bit of the arithmetic, which differs between 90 and 450 degrees and may differ between
 * platforms: first to nine decimals (a nanometre, a nanodegree), which washes those bits out,
 * then half up to the places the floor plan is written to. Recipe-path code computes with
 * StrictMath (the same bits everywhere) and rounds here; {@code RecipePathArithmeticTest} keeps it so.
 */
public final class Rounded {
    /** Per metre: a point on the plan goes to the millimetre, the finest a floor plan is written to. */
    static final int MILLIMETRE = 1000;
    /** The decimal places of a facing: hundredths of a degree (1.7 mm across at 10 m). */
    public static final int FACING = 2;
    /** Per metre: a camera position or aim point the planner computes is written to the centimetre. */
    static final int CENTIMETRE = 100;
    /** Per metre: a camera height the planner computes goes in 5 cm steps. */
    static final int HEIGHT_STEP = 20;
    /**
     * How near a half step a scaled value must come before the slow, washed rounding decides it:
     * washing moves it at most 5e-7, and the product's own error below 1e9 is under 1e-7.
     */
    private static final double NEAR_TIE = 1e-5;

    private Rounded() {
    }

    /** {@code metres} to the millimetre. */
    public static double millimetres(double metres) {
        return toStep(metres, MILLIMETRE);
    }

    /** {@code p} to the millimetre. */
    public static Point millimetres(Point p) {
        return new Point(millimetres(p.x()), millimetres(p.y()));
    }

    /** {@code metres} to the centimetre: a computed camera position, aim point or aim height. */
    public static double centimetres(double metres) {
        return toStep(metres, CENTIMETRE);
    }

    /** {@code p} to the centimetre. */
    public static Point centimetres(Point p) {
        return new Point(centimetres(p.x()), centimetres(p.y()));
    }

    /** A computed camera height, to the nearest 5 cm. */
    public static double cameraHeight(double metres) {
        return toStep(metres, HEIGHT_STEP);
    }

    /** A compass bearing in [0, 360), to the hundredth of a degree: {@code f}, {@code f + 360} and {@code f - 360} give one double. */
    public static double facing(double degrees) {
        return bearing(degrees, FACING);
    }

    /** A compass bearing in [0, 360), to {@code places} decimals of a degree. */
    public static double bearing(double degrees, int places) {
        double scale = StrictMath.pow(10, places);
        if (degrees >= 0 && degrees < 360 && Math.rint(degrees * scale) / scale == degrees) {
            return degrees + 0.0; // already the double its decimal reads as (the common case: a written 90); -0.0 is 0
        }
        BigDecimal turn = BigDecimal.valueOf(360);
        BigDecimal d = washed(degrees).remainder(turn);
        d = (d.signum() < 0 ? d.add(turn) : d).setScale(places, RoundingMode.HALF_UP);
        return d.compareTo(turn) == 0 ? 0 : d.doubleValue();
    }

    /**
     * {@code v} to the nearest 1/{@code per} (per 1000, 100 or 20: n/per is a finite decimal), half
     * away from zero after washing. Away from a tie, {@code Math.round(v * per) / per} is the same
     * double (the division is correctly rounded, as the decimal's own conversion is), and the planner
     * rounds every candidate it tries, so only near a tie does the decimal arithmetic run.
     */
    private static double toStep(double v, int per) {
        double scaled = v * per;
        if (Math.abs(scaled) < 1e9 && Math.abs(scaled - Math.floor(scaled) - 0.5) > NEAR_TIE) {
            return Math.round(scaled) / (double) per + 0.0;
        }
        BigDecimal step = BigDecimal.valueOf(per);
        return washed(v).multiply(step).setScale(0, RoundingMode.HALF_UP).divide(step).doubleValue() + 0.0;
    }

    private static BigDecimal washed(double v) {
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN);
    }
}
