package film.slate.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
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
 */
public final class PassVideoEncoder implements AutoCloseable {
    private final int width;
    private final int height;
    private final boolean matte;
    private final boolean pose;
    private final int[] palette;
    private final FramePipe pipe;

    private PassVideoEncoder(Ffmpeg ffmpeg, Shape shape, Map<Integer, Path> masks, Optional<Path> pose, int[] rgb) {
        this.width = shape.width();
        this.height = shape.height();
        this.matte = !masks.isEmpty();
        this.pose = pose.isPresent();
        this.palette = rgb.clone();
        List<Path> outputs = new ArrayList<>(new TreeMap<>(masks).values());
        pose.ifPresent(outputs::add);
        this.pipe = new FramePipe(ffmpeg, arguments(shape, new TreeMap<>(masks), pose), outputs, "pass");
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
        return new PassVideoEncoder(ffmpeg, shape, masks, pose, palette);
    }

    private static void movie(Path p) {
        if (!Ffmpeg.muxer(p).equals("mov")) {
            throw new IllegalArgumentException(p + ": a pass video is a QuickTime .mov");
        }
    }

    private List<String> arguments(Shape s, Map<Integer, Path> masks, Optional<Path> poseVideo) {
        int bands = (matte ? 1 : 0) + (pose ? 1 : 0);
        List<String> a = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", "gray", "-s",
                width + "x" + height * bands, "-r", Integer.toString(s.fps()), "-i", "pipe:0", "-filter_complex",
                graph(masks.keySet().stream().toList())));
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
    private String graph(List<Integer> ids) {
        StringBuilder g = new StringBuilder("[0:v]");
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
                g.append(";[id").append(i).append("]format=gray,lut=y='255*eq(val,").append(ids.get(i)).append(")'[m")
                        .append(i).append(']');
            }
        }
        if (pose) {
            // grey to RGB copies the index into each channel (exact; PassVideoEncoderTest), each then looked up
            g.append(matte ? poseBand : "").append("format=rgb24,lutrgb=r='").append(lookup(16)).append("':g='")
                    .append(lookup(8)).append("':b='").append(lookup(0)).append("'[pose]");
        }
        return g.toString();
    }

    /**
     * One channel of the palette as an expression of the index: a binary search down to each
     * entry, so FFmpeg evaluates a few comparisons for each of the 256 indices when it builds its
     * table (a sum of every entry's term cost each process a tenth of a second of CPU).
     */
    private String lookup(int shift) {
        return lookup(shift, 0, palette.length);
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
        pipe.requireOpen();
        List<byte[]> parts = new ArrayList<>(2);
        if (this.matte) {
            parts.add(band(matte, "matte"));
        }
        if (this.pose) {
            parts.add(band(pose, "pose"));
        }
        pipe.put(parts.toArray(byte[][]::new));
    }

    private byte[] band(byte[] pixels, String what) {
        if (pixels == null || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + what + " frame of " + width + "x" + height + " is "
                    + width * height + " bytes, not " + (pixels == null ? "missing" : pixels.length));
        }
        return pixels;
    }

    /** Frames written so far. */
    public long frames() {
        return pipe.frames();
    }

    /** Stops FFmpeg and removes the partial outputs. */
    public void abort() {
        pipe.abort();
    }

    /** Ends the stream, waits for FFmpeg and moves the finished videos into place. */
    @Override
    public void close() {
        pipe.close();
    }
}
