package film.slate.media.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Raw frames into one FFmpeg process through its standard input, for the encoders that draw as
 * they go. A writer thread pipes each frame while the caller draws the next, so drawing hides
 * behind encoding. The outputs are written beside their names as {@code .part} files and renamed
 * into place only when FFmpeg succeeds; a failed or aborted run leaves none of them.
 */
final class FramePipe {
    /** Frames drawn ahead of the pipe: enough to ride over a slow frame, small enough for memory. */
    private static final int AHEAD = 4;
    private static final byte[][] END = new byte[0][];

    private final List<Path> outputs;
    private final Process process;
    private final StderrTail tail;
    private final BlockingQueue<byte[][]> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread writer;
    private volatile IOException pipeFailure;
    private long frames;
    private boolean closed;

    /** Starts FFmpeg with {@code arguments}, which write the {@code .part} of each of {@code outputs}. */
    FramePipe(Ffmpeg ffmpeg, List<String> arguments, List<Path> outputs, String name) {
        this.outputs = List.copyOf(outputs);
        this.process = ffmpeg.start(arguments, "encode " + describe());
        this.tail = new StderrTail(process.getErrorStream(), "ffmpeg-" + name + "-stderr");
        this.writer = new Thread(this::pipe, "ffmpeg-" + name + "-pipe");
        writer.setDaemon(true);
        writer.start();
    }

    String describe() {
        return String.join(" and ", outputs.stream().map(Path::toString).toList());
    }

    private void pipe() {
        try (OutputStream in = process.getOutputStream()) {
            for (byte[][] frame = queue.take(); frame != END; frame = queue.take()) {
                if (pipeFailure == null) {
                    try {
                        for (byte[] part : frame) {
                            in.write(part);
                        }
                    } catch (IOException e) {
                        pipeFailure = e; // FFmpeg stopped reading; keep draining so put() never blocks
                    }
                }
            }
        } catch (IOException e) {
            if (pipeFailure == null) {
                pipeFailure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws unless frames may still be put. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the encoder is closed");
        }
    }

    /** Queues one frame, its parts piped one after another; the arrays must not change after. */
    void put(byte[]... parts) {
        requireOpen();
        if (pipeFailure != null) {
            abort();
            throw new FfmpegException("FFmpeg stopped while encoding " + describe() + ": " + tail.text());
        }
        try {
            queue.put(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new FfmpegException("interrupted while encoding " + describe(), e);
        }
        frames++;
    }

    long frames() {
        return frames;
    }

    /** Stops FFmpeg and removes the partial outputs. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        writer.interrupt();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outputs.forEach(p -> Ffmpeg.deleteQuietly(Ffmpeg.partOf(p)));
    }

    /** Ends the stream, waits for FFmpeg and moves the finished outputs into place. */
    void close() {
        if (closed) {
            return;
        }
        try {
            queue.put(END);
            writer.join();
            int code = process.waitFor();
            closed = true;
            if (code != 0 || pipeFailure != null) {
                outputs.forEach(p -> Ffmpeg.deleteQuietly(Ffmpeg.partOf(p)));
                throw new FfmpegException("FFmpeg could not encode " + describe() + " (" + frames + " frames): "
                        + tail.text());
            }
            for (Path p : outputs) {
                Files.move(Ffmpeg.partOf(p), p, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new FfmpegException("interrupted while finishing " + describe(), e);
        } catch (IOException e) {
            throw new FfmpegException("cannot move the finished video into place at " + describe() + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
