package film.slate.core.stage;

import film.slate.core.model.Framing;

/**
 * Shot sizes as geometry: how much of a standing figure the frame holds, as the picture's height
 * at the subject's distance over the subject's height. A close-up holds a fifth of the body (head
 * and a little shoulder), a medium shot half (waist up), a full shot the whole figure with room
 * above and below. The bands meet at the geometric mean of neighbouring centres.
 */
public final class ShotSize {
    /** Picture height over subject height at the centre of each size, EWS to ECU (INSERT has none). */
    private static final double[] CENTRE = {5.0, 2.4, 1.2, 0.5, 0.33, 0.2, 0.08};

    private ShotSize() {
    }

    /** The share of the subject's height a framing holds at its centre; inserts are framed like an ECU. */
    public static double ratio(Framing framing) {
        return CENTRE[Math.min(framing.ordinal(), CENTRE.length - 1)];
    }

    /** The framing whose band holds {@code ratio} (picture height over subject height). */
    public static Framing of(double ratio) {
        for (int i = 0; i < CENTRE.length - 1; i++) {
            if (ratio >= Math.sqrt(CENTRE[i] * CENTRE[i + 1])) {
                return Framing.values()[i];
            }
        }
        return Framing.ECU;
    }

    /** The picture's height in metres at {@code depth} in front of a lens of {@code lens} mm, for a frame of {@code aspect} (height / width). */
    public static double pictureHeight(double lens, double depth, double aspect) {
        return 2 * depth * StrictMath.tan(StrictMath.toRadians(Lens.horizontalFov(lens) / 2)) * aspect;
    }

    /** How far in front of a lens of {@code lens} mm a subject of {@code height} stands to be framed at the centre of {@code framing}. */
    public static double distanceFor(Framing framing, double lens, double height, double aspect) {
        return ratio(framing) * height / pictureHeight(lens, 1, aspect);
    }
}
