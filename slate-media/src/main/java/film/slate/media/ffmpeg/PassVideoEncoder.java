package film.slate.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A take's pass videos (each bound character's mask video and the pose video) from one FFmpeg
 * process and one frame stream. A frame crosses the pipe as one byte a pixel: the ID matte (a
 * pixel its owner's number) above the pose picture (a pixel its colour's index in a palette of at
 * most 256). FFmpeg splits each character's mask from the matte ({@code lut}: 255 where the pixel
 * is theirs), looks the pose's colours up ({@code lutrgb}) and writes every video as QuickTime Animation
 * ({@code qtrle}, run-length, lossless: grey masks, RGB pose) in a {@code .mov} (FFmpeg 8.1's
 * Matroska writer makes {@code qtrle} streams its own decoder refuses). Against one FFV1
 * encoder a video this costs a third of the CPU (bench/RESULTS.md, issue 12): run-length coding
 * of mostly flat frames is cheap, the matte crosses the pipe once for every mask, the pose a byte
 * a pixel, and one process starts a take instead of one a video (FFmpeg's own {@code pal8} input
 * was measured dearer than grey bytes and a lookup). Frames go through a {@link FramePipe}.
 *
 * <p>In a take of known length, a frame that holds the picture of the frame before (the same
 * arrays or equal ones: a still camera on a still cast, two frames in three of the example) is not
 * piped: each piped frame crosses with its time ({@link TimedFrames}) and FFmpeg repeats it
 * after the splitting and the lookup ({@code fps}), so the filters run once a picture and the files
 * are the very bytes piping every frame makes. FFmpeg starts with the take, not after it is
 * staged, and hears of each hold as it comes.
 */
public final class PassVideoEncoder extends TakeEncoder {
    private final int width;
    private final int height;
    private final int fps;
    private final boolean matte;
    private final boolean pose;
    private final int[] palette;
    /** The take's length when known: its frames then cross with their times and held ones are not piped (else 0). */
    private final int takeFrames;
    /** The take its frames cross in: with their times when its length is known, else raw. */
    private final HeldTake take;
    private byte[] lastMatte;
    private byte[] lastPose;

    private PassVideoEncoder(Ffmpeg ffmpeg, Shape shape, Map<Integer, Path> masks, Optional<Path> pose, int[] rgb,
            int takeFrames) {
        this.width = shape.width();
        this.height = shape.height();
        this.fps = shape.fps();
        this.matte = !masks.isEmpty();
        this.pose = pose.isPresent();
        this.palette = rgb.clone();
        this.takeFrames = takeFrames;
        List<Path> outputs = new ArrayList<>(new TreeMap<>(masks).values());
        pose.ifPresent(outputs::add);
        FramePipe pipe = new FramePipe(ffmpeg, arguments(shape, new TreeMap<>(masks), pose), outputs, "pass");
        int bands = (matte ? 1 : 0) + (this.pose ? 1 : 0);
        this.take = takeFrames == 0 ? HeldTake.ofUnknownLength(pipe)
                : HeldTake.ofLength(pipe, takeFrames, fps, TimedFrames.header(width, height * bands, fps, TimedFrames.GREY));
    }

    /** Frame size and rate. */
    public record Shape(int width, int height, int fps) {
    }

    /**
     * Opens the encoder: {@code masks} maps a matte number (1 to 255) to the mask video of whoever
     * holds it; {@code pose} is the pose video; {@code palette} the colours ({@code 0xRRGGBB}) of
     * the pose's indices, at most 256.
     */
    public static PassVideoEncoder open(Ffmpeg ffmpeg, Shape shape, Map<Integer, Path> masks, Optional<Path> pose,
            int[] palette) {
        return start(ffmpeg, shape, masks, pose, palette, 0);
    }

    /**
     * Opens the encoder as {@link #open(Ffmpeg, Shape, Map, Optional, int[])} does, for a take of
     * {@code frames} frames: exactly that many are then written, and one whose arrays are the
     * frame before's (or equal to them) does not cross the pipe.
     */
    public static PassVideoEncoder open(Ffmpeg ffmpeg, Shape shape, Map<Integer, Path> masks, Optional<Path> pose,
            int[] palette, int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a take has at least one frame, not " + frames);
        }
        return start(ffmpeg, shape, masks, pose, palette, frames);
    }

    /** Opens the encoder for a take of {@code frames} frames, or of a length not known (0). */
    private static PassVideoEncoder start(Ffmpeg ffmpeg, Shape shape, Map<Integer, Path> masks, Optional<Path> pose,
            int[] palette, int frames) {
        if (shape.width() < 2 || shape.height() < 2 || shape.width() % 2 != 0 || shape.height() % 2 != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 2x2, not " + shape.width() + "x"
                    + shape.height());
        }
        if (masks.isEmpty() && pose.isEmpty()) {
            throw new IllegalArgumentException("name a mask video or the pose video");
        }
        if (palette.length < 1 || palette.length > 256) {
            throw new IllegalArgumentException("a palette has 1 to 256 colours, not " + palette.length);
        }
        for (var m : masks.entrySet()) {
            if (m.getKey() < 1 || m.getKey() > 255) {
                throw new IllegalArgumentException("matte number " + m.getKey() + " is not 1-255");
            }
            movie(m.getValue());
        }
        pose.ifPresent(PassVideoEncoder::movie);
        return new PassVideoEncoder(ffmpeg, shape, masks, pose, palette, frames);
    }

    private static void movie(Path p) {
        if (!Ffmpeg.muxer(p).equals("mov")) {
            throw new IllegalArgumentException(p + ": a pass video is a QuickTime .mov");
        }
    }

    private List<String> arguments(Shape s, Map<Integer, Path> masks, Optional<Path> poseVideo) {
        int bands = (matte ? 1 : 0) + (pose ? 1 : 0);
        List<String> a = new ArrayList<>(takeFrames > 0 ? List.of("-y", "-f", "matroska", "-i", "pipe:0")
                : List.of("-y", "-f", "rawvideo", "-pix_fmt", "gray", "-s", width + "x" + height * bands, "-r",
                        Integer.toString(s.fps()), "-i", "pipe:0"));
        a.addAll(List.of("-filter_complex", graph(masks.keySet().stream().toList(), s.fps())));
        String keyEvery = Integer.toString(s.fps());
        int n = 0;
        for (Path p : masks.values()) {
            a.addAll(List.of("-map", "[m" + n++ + "]", "-c:v", "qtrle", "-g", keyEvery, "-pix_fmt", maskFormat()));
            a.addAll(finish(p));
        }
        poseVideo.ifPresent(p -> {
            a.addAll(List.of("-map", "[pose]", "-c:v", "qtrle", "-g", keyEvery, "-pix_fmt", "rgb24"));
            a.addAll(finish(p));
        });
        return a;
    }

    /**
     * Grey, where FFmpeg's QuickTime Animation encoder takes it: for a width that is a multiple
     * of 4 (it refuses grey at any other width); else RGB, the same value in each channel, which
     * decodes to the same grey.
     */
    private String maskFormat() {
        return width % 4 == 0 ? "gray" : "rgb24";
    }

    private static List<String> finish(Path p) {
        return List.of("-flags:v", "+bitexact", "-fflags", "+bitexact", "-f", "mov", Ffmpeg.partOf(p).toString());
    }

    /** The matte band split into each character's mask; the pose band's indices looked up. */
    private String graph(List<Integer> ids, int fps) {
        // Each piped picture's time counted in frames again, its pixel shape left unsaid as raw frames leave
        // it (Matroska says square, which the .mov would record); each output then repeats it over the held frames.
        String repeat = takeFrames > 0 ? ",fps=" + fps : "";
        StringBuilder g = new StringBuilder("[0:v]");
        if (takeFrames > 0) {
            g.append("settb=1/").append(fps).append(",setsar=0,");
        }
        String poseBand = "[0:v]";
        if (matte && pose) {
            g.append("split=2[matte][poses];[matte]crop=").append(width).append(':').append(height).append(":0:0,");
            poseBand = ";[poses]crop=" + width + ":" + height + ":0:" + height + ",";
        }
        if (matte) {
            g.append("split=").append(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                g.append("[id").append(i).append(']');
            }
            for (int i = 0; i < ids.size(); i++) {
                // format=gray first: left to negotiate, a mask encoded as RGB would take the lut in RGB
                g.append(";[id").append(i).append("]format=gray,lut=y='255*eq(val,").append(ids.get(i)).append(")'").append(repeat).append("[m")
                        .append(i).append(']');
            }
        }
        if (pose) {
            // grey to RGB copies the index into each channel (exact; PassVideoEncoderTest), each then looked up
            g.append(matte ? poseBand : "").append("format=rgb24,lutrgb=r='").append(lookup(16)).append("':g='")
                    .append(lookup(8)).append("':b='").append(lookup(0)).append('\'').append(repeat).append("[pose]");
        }
        return g.toString();
    }

    /**
     * One channel of the palette as an expression of the index: a binary search down to each
     * entry, behind one test for the values past the palette, so FFmpeg evaluates a comparison or a
     * few for each value when it builds its table (65,536 of them, for 16-bit formats; a sum of
     * every entry's term cost each process a tenth of a second of CPU, the bare search 10 ms).
     */
    private String lookup(int shift) {
        String search = lookup(shift, 0, palette.length);
        return palette.length == 256 ? search : "if(gte(val," + palette.length + "),0," + search + ")";
    }

    private String lookup(int shift, int from, int to) {
        if (to - from == 1) {
            return Integer.toString(palette[from] >> shift & 0xff);
        }
        int middle = (from + to) >>> 1;
        return "if(lt(val," + middle + ")," + lookup(shift, from, middle) + "," + lookup(shift, middle, to) + ")";
    }

    /**
     * Queues one frame: {@code matte} (a byte a pixel, row by row; required when a mask video was
     * named, else ignored) and {@code pose} (palette indices, every one within the palette;
     * required when the pose video was named, else ignored). The encoder reads the arrays until
     * they are piped and never changes them: do not change them after (a frame like the one before
     * may pass the same arrays again).
     */
    public void write(byte[] matte, byte[] pose) {
        take.requireOpen();
        List<byte[]> parts = new ArrayList<>(2);
        if (this.matte) {
            parts.add(band(matte, "matte"));
        }
        if (this.pose) {
            parts.add(band(pose, "pose"));
        }
        byte[] matteBefore = lastMatte;
        byte[] poseBefore = lastPose;
        take.write(() -> (!this.matte || same(matte, matteBefore)) && (!this.pose || same(pose, poseBefore)),
                parts.toArray(byte[][]::new));
        lastMatte = this.matte ? matte : null;
        lastPose = this.pose ? pose : null;
    }

    private static boolean same(byte[] a, byte[] b) {
        return a == b || Arrays.equals(a, b);
    }

    private byte[] band(byte[] pixels, String what) {
        if (pixels == null || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + what + " frame of " + width + "x" + height + " is "
                    + width * height + " bytes, not " + (pixels == null ? "missing" : pixels.length));
        }
        return pixels;
    }

    @Override
    HeldTake take() {
        return take;
    }
}
