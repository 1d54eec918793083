package film.slate.media.previz;

import java.util.Locale;

/** A frame count as {@code HH:MM:SS:FF} at a whole frame rate (non-drop). */
public record Timecode(long frame, int fps) {
    public Timecode {
        if (fps < 1 || frame < 0) {
            throw new IllegalArgumentException("timecode needs frame >= 0 and fps >= 1");
        }
    }

    @Override
    public String toString() {
        long seconds = frame / fps;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60, frame % fps);
    }
}
