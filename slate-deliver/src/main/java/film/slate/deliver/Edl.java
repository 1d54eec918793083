package film.slate.deliver;

import film.slate.media.previz.Timecode;
import java.util.Locale;

/**
 * The cut as a CMX 3600 EDL: one video cut event per clip, source timecodes from the start of the
 * master, record timecodes from 01:00:00:00. File-based media has no tape reel, so events name the
 * conventional {@code AX} reel with a {@code FROM CLIP NAME} comment; a gap is black ({@code BL}).
 */
final class Edl {
    /** Where the record side starts: one hour, the editorial convention. */
    static final long START_SECONDS = 3600;

    private Edl() {
    }

    static String write(Cut cut) {
        int fps = cut.format().fps();
        StringBuilder out = new StringBuilder();
        out.append("TITLE: ").append(cut.title().replaceAll("[\\r\\n]+", " ")).append('\n');
        out.append("FCM: NON-DROP FRAME\n\n");
        int event = 1;
        for (CutClip c : cut.clips()) {
            long recIn = START_SECONDS * fps + c.recordIn();
            out.append(String.format(Locale.ROOT, "%03d  %-8s V     C        %s %s %s %s%n", event++, c.gap() ? "BL" : "AX",
                    new Timecode(0, fps), new Timecode(c.frames(), fps), new Timecode(recIn, fps),
                    new Timecode(recIn + c.frames(), fps)));
            c.master().ifPresent(m -> out.append("* FROM CLIP NAME: ").append(m.substring(m.lastIndexOf('/') + 1))
                    .append('\n'));
            out.append("* SHOT: ").append(c.shot().fullId()).append('\n');
            if (!c.approved()) {
                out.append("* SLATE: ").append(c.status().toUpperCase(Locale.ROOT)).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
