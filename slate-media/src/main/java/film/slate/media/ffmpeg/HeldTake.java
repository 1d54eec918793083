package film.slate.media.ffmpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * A take of known length crossing a {@link FramePipe} as frames with their times
 * ({@link TimedFrames}): a frame that holds the picture of the one before is not piped (FFmpeg
 * repeats the one before over it), the last frame always is (it ends the take), and the outputs
 * are kept only when every frame of the take was written.
 */
final class HeldTake {
    private final FramePipe pipe;
    private final int frames;
    private final int fps;
    private final byte[] header;
    private int written;

    /** {@code header} is the stream's start ({@link TimedFrames#header}), piped with the first frame. */
    HeldTake(FramePipe pipe, int frames, int fps, byte[] header) {
        if (frames < 1) {
            throw new IllegalArgumentException("a take has at least one frame, not " + frames);
        }
        this.pipe = pipe;
        this.frames = frames;
        this.fps = fps;
        this.header = header;
    }

    /** Writes the next frame, its parts piped one after another unless it {@code holds} the frame before. */
    void write(boolean holds, byte[]... parts) {
        int index = written;
        if (index >= frames) {
            throw new IllegalStateException("the take has " + frames + " frames; frame " + index + " is past its end");
        }
        written++;
        if (holds && index > 0 && index < frames - 1) {
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

    /** Frames written, piped or held. */
    int written() {
        return written;
    }

    /** Ends the take and keeps its outputs; without all its frames, keeps none and says so. */
    void close() {
        if (written != frames) {
            pipe.abort(); // the held frames after the last piped one would be lost
            throw new IllegalStateException("the take has " + frames + " frames but " + written
                    + " were written; no video was kept");
        }
        pipe.close();
    }
}
