package film.slate.media.ffmpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Frames of a video file, decoded by FFmpeg and read from its standard output as raw video, one at a time. */
public final class VideoDecoder implements AutoCloseable {
    private final Path file;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final Process process;
    private final StderrTail tail;
    private final InputStream frames;
    private boolean ended;

    private VideoDecoder(Ffmpeg ffmpeg, Path file, PixelFormat format) {
        VideoInfo info = ffmpeg.probe(file);
        this.file = file;
        this.width = info.width();
        this.height = info.height();
        this.format = format;
        this.process = ffmpeg.start(List.of("-nostdin", "-i", file.toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
                "-f", "rawvideo", "-pix_fmt", format.ffmpegName(), "pipe:1"), "decode " + file);
        this.tail = new StderrTail(process.getErrorStream(), "ffmpeg-decode-stderr");
        this.frames = process.getInputStream();
    }

    public static VideoDecoder open(Ffmpeg ffmpeg, Path file, PixelFormat format) {
        return new VideoDecoder(ffmpeg, file, format);
    }

    /** Every frame of {@code file}, in order. Meant for short clips: each 720p frame holds 2.7 MB. */
    public static List<BufferedImage> readAll(Ffmpeg ffmpeg, Path file, PixelFormat format) {
        List<BufferedImage> out = new ArrayList<>();
        try (VideoDecoder d = open(ffmpeg, file, format)) {
            for (Optional<BufferedImage> f = d.next(); f.isPresent(); f = d.next()) {
                out.add(f.get());
            }
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The next frame, or empty at the end of the video. */
    public Optional<BufferedImage> next() {
        if (ended) {
            return Optional.empty();
        }
        BufferedImage image = format.newImage(width, height);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int n;
        try {
            n = frames.readNBytes(data, 0, data.length);
        } catch (IOException e) {
            throw new FfmpegException("cannot read frames of " + file + " from FFmpeg (" + e.getMessage() + "): " + tail.text(), e);
        }
        if (n == data.length) {
            return Optional.of(image);
        }
        ended = true;
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while decoding " + file, e);
        }
        if (code != 0 || n != 0) {
            throw new FfmpegException("FFmpeg could not decode " + file + ": " + tail.text());
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            frames.close();
        } catch (IOException e) {
            // the process is gone; nothing left to read
        }
    }
}
