package film.slate.store.db;

import java.util.Optional;

/**
 * A note on one take version, at {@code frame} (to {@code endFrame}, inclusive, for a range), frames
 * counted from 0 at {@code fpsNum/fpsDen} frames a second. A reply names the note it answers.
 */
public record NoteRecord(long id, TakeVersion take, long frame, Optional<Long> endFrame, int fpsNum, int fpsDen,
        Optional<Region> region, String text, String author, long at, Optional<Long> replyTo, Optional<Long> resolvedAt,
        Optional<String> resolvedBy) {
    public boolean resolved() {
        return resolvedAt.isPresent();
    }

    /** The note's start in seconds, exactly as a fraction would give it (for exports only). */
    public double seconds() {
        return frame * (double) fpsDen / fpsNum;
    }
}
