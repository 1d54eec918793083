package film.slate.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Computed numbers as a recipe writes them, so that its bytes (and id) never depend on the last
 * bit of the arithmetic, which differs between 90 and 450 degrees and may differ between
 * platforms: first to nine decimals (a nanometre, a nanodegree), which washes those bits out,
 * then half up to the places the floor plan is written to.
 */
public final class Rounded {
    /** The decimal places of a point on the plan: millimetres, the finest a floor plan is written to. */
    public static final int MILLIMETRES = 3;
    /** The decimal places of a facing: hundredths of a degree (1.7 mm across at 10 m). */
    public static final int FACING = 2;

    private Rounded() {
    }

    /** {@code metres} to the millimetre. */
    public static double millimetres(double metres) {
        return washed(metres).setScale(MILLIMETRES, RoundingMode.HALF_UP).doubleValue();
    }

    /** A compass bearing in [0, 360), to the hundredth of a degree: {@code f}, {@code f + 360} and {@code f - 360} give one double. */
    public static double facing(double degrees) {
        return bearing(degrees, FACING);
    }

    /** A compass bearing in [0, 360), to {@code places} decimals of a degree. */
    public static double bearing(double degrees, int places) {
        double scale = Math.pow(10, places);
        if (degrees >= 0 && degrees < 360 && Math.rint(degrees * scale) / scale == degrees) {
            return degrees + 0.0; // already the double its decimal reads as (the common case: a written 90); -0.0 is 0
        }
        BigDecimal turn = BigDecimal.valueOf(360);
        BigDecimal d = washed(degrees).remainder(turn);
        d = (d.signum() < 0 ? d.add(turn) : d).setScale(places, RoundingMode.HALF_UP);
        return d.compareTo(turn) == 0 ? 0 : d.doubleValue();
    }

    private static BigDecimal washed(double v) {
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN);
    }
}
