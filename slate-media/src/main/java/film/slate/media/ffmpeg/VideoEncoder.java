package film.slate.media.ffmpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One frame stream into FFmpeg through its standard input, as raw video, to a lossless master and
 * an H.264 proxy in a single pass, through a {@link FramePipe} (drawing hides behind encoding;
 * outputs appear only when FFmpeg succeeds).
 *
 * <p>In a take of known length, a frame that holds the picture of the frame before (the same
 * array or an equal one: a still camera on a still cast, two frames in three of the example) is
 * not piped: each piped frame crosses with its time ({@link TimedFrames}), is converted to each
 * output's pixel format and then repeated over the held frames ({@code fps}), so the pipe, the
 * demuxer and the conversions work once a picture while the encoders still see every frame: the
 * files are the very bytes piping every frame makes (VideoEncoderTest).
 */
public final class VideoEncoder extends TakeEncoder {
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
    private final int fps;
    /** The take's length when known: its frames then cross with their times and held ones are not piped (else 0). */
    private final int takeFrames;
    /** The take its frames cross in: with their times when its length is known, else raw. */
    private final HeldTake take;
    /** The last frame's bytes. */
    private byte[] last;

    private VideoEncoder(Ffmpeg ffmpeg, Picture picture, PixelFormat format, EncodeTargets targets, int takeFrames) {
        this.ffmpeg = ffmpeg;
        this.width = picture.width();
        this.height = picture.height();
        this.fps = picture.fps();
        this.format = format;
        this.targets = targets;
        this.takeFrames = takeFrames;
        FramePipe pipe = new FramePipe(ffmpeg, arguments(), outputs(targets), "encode");
        this.take = takeFrames == 0 ? HeldTake.ofUnknownLength(pipe)
                : HeldTake.ofLength(pipe, takeFrames, fps, TimedFrames.header(width, height, fps, TimedFrames.tag(format)));
    }

    /** Opens an encoder for frames of {@code width} x {@code height} at {@code fps}. */
    public static VideoEncoder open(Ffmpeg ffmpeg, int width, int height, int fps, PixelFormat format,
            EncodeTargets targets) {
        return start(ffmpeg, new Picture(width, height, fps), format, targets, 0);
    }

    /**
     * Opens an encoder as {@link #open(Ffmpeg, int, int, int, PixelFormat, EncodeTargets)} does, for
     * a take of {@code frames} frames: exactly that many are then written, and one whose bytes are
     * the frame before's does not cross the pipe. The outputs are the same bytes either way.
     */
    public static VideoEncoder open(Ffmpeg ffmpeg, int width, int height, int fps, PixelFormat format,
            EncodeTargets targets, int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a take has at least one frame, not " + frames);
        }
        return start(ffmpeg, new Picture(width, height, fps), format, targets, frames);
    }

    private static VideoEncoder start(Ffmpeg ffmpeg, Picture picture, PixelFormat format, EncodeTargets targets,
            int frames) {
        if (picture.width() < 2 || picture.height() < 2 || picture.width() % 2 != 0 || picture.height() % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 2x2, not " + picture.width() + "x"
                    + picture.height());
        }
        for (Path p : outputs(targets)) {
            Ffmpeg.muxer(p);
        }
        return new VideoEncoder(ffmpeg, picture, format, targets, frames);
    }

    static List<Path> outputs(EncodeTargets t) {
        List<Path> out = new ArrayList<>();
        t.master().ifPresent(out::add);
        t.proxy().ifPresent(out::add);
        return out;
    }

    private List<String> arguments() {
        Picture picture = new Picture(width, height, fps);
        if (takeFrames == 0) {
            List<String> a = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", format.ffmpegName(),
                    "-s", width + "x" + height, "-r", Integer.toString(fps), "-i", "pipe:0"));
            a.addAll(outputArguments(ffmpeg, targets, format, picture, List.of("-map", "0:v"), List.of("-map", "0:v")));
            return a;
        }
        List<String> a = new ArrayList<>(List.of("-y", "-f", "matroska", "-i", "pipe:0", "-filter_complex", heldGraph()));
        a.addAll(outputArguments(ffmpeg, targets, format, picture, List.of("-map", "[master]"),
                List.of("-map", "[proxy]")));
        return a;
    }

    /**
     * Each piped picture's time counted in frames again and its pixel shape left unsaid, as raw
     * frames leave it (Matroska says square, which the outputs would record); then, for each
     * output, the picture converted to its pixel format and repeated over the held frames.
     */
    private String heldGraph() {
        boolean both = targets.master().isPresent() && targets.proxy().isPresent();
        StringBuilder g = new StringBuilder("[0:v]settb=1/").append(fps).append(",setsar=0");
        g.append(both ? ",split=2[m][p];[m]" : ",");
        targets.master().ifPresent(m -> g.append("format=").append(format.masterFormat()).append(",fps=").append(fps)
                .append("[master]"));
        g.append(both ? ";[p]" : "");
        targets.proxy().ifPresent(p -> g.append("format=yuv420p,fps=").append(fps).append("[proxy]"));
        return g.toString();
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
        take.requireOpen();
        if (frame.getWidth() != width || frame.getHeight() != height || frame.getType() != format.imageType()) {
            throw new IllegalArgumentException("a frame of " + frame.getWidth() + "x" + frame.getHeight() + " type "
                    + frame.getType() + " cannot join a stream of " + width + "x" + height + " " + format);
        }
        byte[] bytes = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        if (bytes.length != format.frameBytes(width, height)) {
            throw new IllegalArgumentException("the frame is a view into a larger image; copy it first");
        }
        byte[] before = last;
        take.write(() -> bytes == before || Arrays.equals(bytes, before), bytes);
        last = bytes;
    }

    @Override
    HeldTake take() {
        return take;
    }
}
