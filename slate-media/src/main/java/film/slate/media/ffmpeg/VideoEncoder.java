package film.slate.media.ffmpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One frame stream into FFmpeg through its standard input, as raw video, to a lossless master and
 * an H.264 proxy in a single pass, through a {@link FramePipe} (drawing hides behind encoding;
 * outputs appear only when FFmpeg succeeds).
 */
public final class VideoEncoder implements AutoCloseable {
    /** FFmpeg threads of a master's encoder: the two cores of the machine Slate is made for. */
    static final int MASTER_THREADS = 2;
    /**
     * OpenH264's threads, named rather than left to FFmpeg's "auto" (the machine's core count): with
     * more than one thread and slice its bytes differ from run to run (measured with FFmpeg 8.1.2,
     * fixed QP included), and one slice cannot use more than one thread, so proxies and cuts are
     * encoded on one thread, the same bytes on every machine.
     */
    static final List<String> OPENH264_THREADS = List.of("-threads", "1", "-slices", "1");

    private final Ffmpeg ffmpeg;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final EncodeTargets targets;
    private final FramePipe pipe;

    private VideoEncoder(Ffmpeg ffmpeg, int width, int height, int fps, PixelFormat format, EncodeTargets targets) {
        this.ffmpeg = ffmpeg;
        this.width = width;
        this.height = height;
        this.format = format;
        this.targets = targets;
        this.pipe = new FramePipe(ffmpeg, arguments(fps), outputs(targets), "encode");
    }

    /** Opens an encoder for frames of {@code width} x {@code height} at {@code fps}. */
    public static VideoEncoder open(Ffmpeg ffmpeg, int width, int height, int fps, PixelFormat format,
            EncodeTargets targets) {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 2x2, not " + width + "x" + height);
        }
        for (Path p : outputs(targets)) {
            Ffmpeg.muxer(p);
        }
        return new VideoEncoder(ffmpeg, width, height, fps, format, targets);
    }

    static List<Path> outputs(EncodeTargets t) {
        List<Path> out = new ArrayList<>();
        t.master().ifPresent(out::add);
        t.proxy().ifPresent(out::add);
        return out;
    }

    private List<String> arguments(int fps) {
        List<String> a = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", format.ffmpegName(),
                "-s", width + "x" + height, "-r", Integer.toString(fps), "-i", "pipe:0"));
        a.addAll(outputArguments(ffmpeg, targets, format, new Picture(width, height, fps), List.of("-map", "0:v"),
                List.of("-map", "0:v")));
        return a;
    }

    /** Size and rate of the frames that reach the outputs. */
    record Picture(int width, int height, int fps) {
    }

    /**
     * The output half of an FFmpeg command writing {@code targets} as every take is written (the
     * one place that says how a master and a proxy are encoded); {@code master} and {@code proxy}
     * come before each output's options (which stream it takes, how many frames).
     */
    static List<String> outputArguments(Ffmpeg ffmpeg, EncodeTargets targets, PixelFormat format, Picture picture,
            List<String> master, List<String> proxy) {
        List<String> a = new ArrayList<>();
        targets.master().ifPresent(m -> {
            a.addAll(master);
            a.addAll(masterCodec(MASTER_THREADS));
            a.addAll(List.of("-pix_fmt", format.masterFormat(), "-flags:v", "+bitexact", "-fflags", "+bitexact", "-f",
                    "matroska", Ffmpeg.partOf(m).toString()));
        });
        targets.proxy().ifPresent(p -> {
            a.addAll(proxy);
            a.addAll(List.of("-c:v", ffmpeg.h264Encoder()));
            if (ffmpeg.h264Encoder().equals("libx264")) {
                a.addAll(List.of("-preset", "veryfast", "-crf", "20"));
            } else {
                long bitrate = Math.max(200_000L, (long) picture.width() * picture.height() * picture.fps() / 6);
                a.addAll(List.of("-b:v", Long.toString(bitrate)));
                a.addAll(OPENH264_THREADS);
            }
            a.addAll(List.of("-pix_fmt", "yuv420p", "-flags:v", "+bitexact", "-fflags", "+bitexact",
                    "-movflags", "+faststart", "-f", "mp4", Ffmpeg.partOf(p).toString()));
        });
        return a;
    }

    /**
     * The lossless master's codec: FFV1 version 3, every frame a key frame, four slices, no slice
     * CRCs. The slice count is named, not left to FFmpeg (whose default follows the frame size and
     * may change between versions); slices are coded independently, which lets {@code threads} share
     * each frame, so a take encoding alone uses both cores and the bytes are the same whatever the
     * thread count (FfmpegTest). Slice CRCs would only repeat what the store already checks: every
     * object is named by its SHA-256, verified on every read and by {@code slate verify}.
     */
    static List<String> masterCodec(int threads) {
        return List.of("-c:v", "ffv1", "-level", "3", "-g", "1", "-slicecrc", "0", "-slices", "4", "-threads",
                Integer.toString(threads));
    }

    /**
     * Queues one frame: an image of the encoder's size whose type matches its pixel format. The
     * encoder owns the image from here on; draw the next frame into a new one.
     */
    public void write(BufferedImage frame) {
        pipe.requireOpen();
        if (frame.getWidth() != width || frame.getHeight() != height || frame.getType() != format.imageType()) {
            throw new IllegalArgumentException("a frame of " + frame.getWidth() + "x" + frame.getHeight() + " type "
                    + frame.getType() + " cannot join a stream of " + width + "x" + height + " " + format);
        }
        byte[] bytes = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        if (bytes.length != format.frameBytes(width, height)) {
            throw new IllegalArgumentException("the frame is a view into a larger image; copy it first");
        }
        pipe.put(bytes);
    }

    /** Frames written so far. */
    public long frames() {
        return pipe.frames();
    }

    /** Stops FFmpeg and removes the partial outputs. */
    public void abort() {
        pipe.abort();
    }

    /** Ends the stream, waits for FFmpeg and moves the finished outputs into place. */
    @Override
    public void close() {
        pipe.close();
    }
}
