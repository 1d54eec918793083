package film.slate.media.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The frames of one take crossing a {@link FramePipe}, and how the take ends: the one place an
 * encoder counts its frames, finishes or aborts.
 *
 * <p>A take of known length crosses as frames with their times ({@link TimedFrames}): a frame
 * that holds the picture of the one before is not piped (FFmpeg repeats the one before over it),
 * the last frame always is (it ends the take), and the outputs are kept only when every frame of
 * the take was written. A take of unknown length pipes every frame as it comes, raw, and is kept
 * when it closes.
 */
final class HeldTake {
    private final FramePipe pipe;
    /** The take's length, or 0 when not known (every frame piped raw). */
    private final int frames;
    private final int fps;
    private final byte[] header;
    private int written;
    private boolean finished;

    private HeldTake(FramePipe pipe, int frames, int fps, byte[] header) {
        this.pipe = pipe;
        this.frames = frames;
        this.fps = fps;
        this.header = header;
    }

    /** A take of {@code frames} frames; {@code header} is the stream's start ({@link TimedFrames#header}), piped with the first frame. */
    static HeldTake ofLength(FramePipe pipe, int frames, int fps, byte[] header) {
        if (frames < 1) {
            throw new IllegalArgumentException("a take has at least one frame, not " + frames);
        }
        return new HeldTake(pipe, frames, fps, header);
    }

    /** A take whose length is not known: every frame is piped raw, none held. */
    static HeldTake ofUnknownLength(FramePipe pipe) {
        return new HeldTake(pipe, 0, 0, null);
    }

    /**
     * Writes the next frame, its parts piped one after another unless it {@code holds} the frame
     * before (asked only of a frame that could be held: in a take of known length, neither its
     * first nor its last).
     */
    void write(BooleanSupplier holds, byte[]... parts) {
        pipe.requireOpen();
        if (frames == 0) {
            pipe.put(parts);
            written++;
            return;
        }
        int index = written;
        if (index >= frames) {
            throw new IllegalStateException("the take has " + frames + " frames; frame " + index + " is past its end");
        }
        written++;
        if (index > 0 && index < frames - 1 && holds.getAsBoolean()) {
            return;
        }
        int bytes = 0;
        for (byte[] part : parts) {
            bytes += part.length;
        }
        List<byte[]> piped = new ArrayList<>(parts.length + 2);
        if (index == 0) {
            piped.add(header);
        }
        piped.add(TimedFrames.frameHead(index, fps, bytes));
        piped.addAll(List.of(parts));
        pipe.put(piped.toArray(byte[][]::new));
    }

    /** Throws unless frames may still be written. */
    void requireOpen() {
        pipe.requireOpen();
    }

    /** Frames written, piped or held. */
    int written() {
        return written;
    }

    /** Stops FFmpeg and removes the partial outputs; a close after it does nothing. */
    void abort() {
        finished = true; // a close after an abort (try-with-resources) must not report a short take over its reason
        pipe.abort();
    }

    /**
     * Ends the take and keeps its outputs; a take of known length without all its frames keeps
     * none and says so. A second close does nothing.
     */
    void close() {
        if (finished) {
            return;
        }
        finished = true;
        if (frames != 0 && written != frames) {
            pipe.abort(); // the held frames after the last piped one would be lost
            throw new IllegalStateException("the take has " + frames + " frames but " + written
                    + " were written; no video was kept");
        }
        pipe.close();
    }
}
