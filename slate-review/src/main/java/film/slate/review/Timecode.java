package film.slate.review;

/**
 * SMPTE-style non-drop timecode {@code HH:MM:SS:FF} of a frame counted from 0 at a rational rate;
 * a fractional rate (30000/1001) counts at its nominal whole rate (30), as non-drop timecode does.
 */
public final class Timecode {
    private Timecode() {
    }

    public static String of(long frame, int fpsNum, int fpsDen) {
        long nominal = Math.max(1, Math.round((double) fpsNum / fpsDen));
        long ff = frame % nominal;
        long seconds = frame / nominal;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60, ff);
    }
}
