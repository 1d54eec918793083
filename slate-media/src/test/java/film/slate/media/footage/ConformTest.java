package film.slate.media.footage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.media.ffmpeg.ClipTranscoder;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.ffmpeg.VideoInfo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast road (one FFmpeg process) against the frame-by-frame road, on seeded clips. */
class ConformTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();
    private static final int[] RATES = {12, 24, 25, 30};

    @TempDir
    Path dir;

    /** A random even size and a common rate. */
    private record Picture(int width, int height, int fps) {
        static Picture random(SplittableRandom r) {
            return new Picture(2 * r.nextInt(16, 100), 2 * r.nextInt(16, 80), RATES[r.nextInt(RATES.length)]);
        }
    }

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 1);
        return LongStream.range(0, 3L * trials).map(i -> 0xC0F0000L + i);
    }

    /** A model's clip: H.264 in MP4, moving shapes over noise, of the given size, rate and length. */
    private Path clip(SplittableRandom r, int w, int h, int fps, int frames) {
        Path clip = dir.resolve("model-" + r.nextInt(1 << 30) + ".mp4");
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, fps, PixelFormat.BGR24, EncodeTargets.proxyOnly(clip))) {
            Color ground = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
            for (int i = 0; i < frames; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(w, h);
                byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                r.nextBytes(data);
                Graphics2D g = img.createGraphics();
                g.setColor(ground);
                g.fillRect(0, 0, w, h / 2);
                g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                g.fillOval(i * 3 % w, h / 4, w / 3, h / 3);
                g.dispose();
                e.write(img);
            }
        }
        return clip;
    }

    private static EncodeTargets targets(Path dir, String name) {
        return EncodeTargets.both(dir.resolve(name + ".mkv"), dir.resolve(name + ".mp4"));
    }

    private static Path master(EncodeTargets t) {
        return t.master().orElseThrow();
    }

    private static Path proxy(EncodeTargets t) {
        return t.proxy().orElseThrow();
    }

    private static void assertSamePixels(Path a, Path b, int frames) {
        List<BufferedImage> left = VideoDecoder.readAll(FFMPEG, a, PixelFormat.BGR24);
        List<BufferedImage> right = VideoDecoder.readAll(FFMPEG, b, PixelFormat.BGR24);
        assertThat(left).hasSize(frames);
        assertThat(right).hasSize(frames);
        for (int i = 0; i < frames; i++) {
            assertThat(bytes(left.get(i))).as("frame %d of %s and %s", i, a.getFileName(), b.getFileName())
                    .isEqualTo(bytes(right.get(i)));
        }
    }

    private static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private static void assertFormat(Path video, Conform.Format f) {
        VideoInfo info = FFMPEG.probe(video);
        assertThat(info.width()).isEqualTo(f.width());
        assertThat(info.height()).isEqualTo(f.height());
        assertThat(info.fps()).isEqualTo(f.fps());
        assertThat(info.frames()).isEqualTo(f.frames());
    }

    /**
     * A clip of the take's size and rate, padded or cut to the take's length: the fast road's master
     * and proxy decode to exactly the frames the frame-by-frame road stores, and {@code conform}
     * takes the fast road (its master is the fast road's, byte for byte).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void fastRoadStoresTheFrameByFramePixels(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int w = pic.width();
        int h = pic.height();
        int fps = pic.fps();
        int length = r.nextInt(1, 30);
        Conform.Format format = new Conform.Format(w, h, fps, Math.max(1, length + r.nextInt(-length, 12)));
        Path clip = clip(r, w, h, fps, length);
        Conform conform = new Conform(FFMPEG);

        EncodeTargets fast = targets(dir, "fast");
        ClipTranscoder.transcode(FFMPEG, clip, w, h, fps, format.frames(), fast);
        EncodeTargets slow = targets(dir, "slow");
        conform.frameByFrame(new Footage.Clip(clip), format, slow);
        EncodeTargets chosen = targets(dir, "chosen");
        conform.conform(new Footage.Clip(clip), format, chosen);

        assertFormat(master(fast), format);
        assertFormat(proxy(fast), format);
        assertSamePixels(master(fast), master(slow), format.frames());
        assertSamePixels(proxy(fast), proxy(slow), format.frames());
        if (format.frames() > length) {
            // Too short to store as it came: the fast road it is.
            assertThat(Files.readAllBytes(master(chosen))).isEqualTo(Files.readAllBytes(master(fast)));
        } else {
            assertThat(FFMPEG.probe(master(chosen)).codec()).isEqualTo("h264");
        }
    }

    /**
     * A clip that already is the take (H.264 4:2:0 of its size and rate, as long or longer) is not
     * encoded: its master and proxy decode to the clip's own first frames, bit for bit, exactly as
     * many as the take has, and the same clip gives the same bytes twice.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aClipThatIsTheTakeIsStoredAsItCame(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int length = r.nextInt(1, 30);
        Conform.Format format = new Conform.Format(pic.width(), pic.height(), pic.fps(), length - r.nextInt(0, length));
        Path clip = clip(r, pic.width(), pic.height(), pic.fps(), length);
        EncodeTargets once = targets(dir, "once");
        EncodeTargets twice = targets(dir, "twice");
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, once);
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, twice);

        List<BufferedImage> source = VideoDecoder.readAll(FFMPEG, clip, PixelFormat.BGR24);
        for (Path stored : List.of(master(once), proxy(once))) {
            assertThat(FFMPEG.probe(stored).codec()).isEqualTo("h264");
            assertFormat(stored, format);
            List<BufferedImage> frames = VideoDecoder.readAll(FFMPEG, stored, PixelFormat.BGR24);
            assertThat(frames).hasSize(format.frames());
            for (int i = 0; i < format.frames(); i++) {
                assertThat(bytes(frames.get(i))).as("frame %d of %s", i, stored.getFileName())
                        .isEqualTo(bytes(source.get(i)));
            }
        }
        assertThat(Files.readAllBytes(master(once))).startsWith(0x1A, 0x45, 0xDF, 0xA3); // Matroska (EBML)
        assertSameBytesAndNothingHalfWritten(once, twice);
    }

    /**
     * A clip that is not the take (shorter than it, or not H.264) is converted as before: an FFV1
     * master whose frames are the frame-by-frame road's, exactly the take's count.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aClipThatIsNotTheTakeIsConverted(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int length = r.nextInt(1, 30);
        boolean shorter = r.nextBoolean();
        Conform.Format format = new Conform.Format(pic.width(), pic.height(), pic.fps(),
                shorter ? length + r.nextInt(1, 12) : length - r.nextInt(0, length));
        Path clip = clip(r, pic.width(), pic.height(), pic.fps(), length);
        if (!shorter) {
            // The same pictures in another codec (FFV1): not what a take stores as it came.
            EncodeTargets lossless = EncodeTargets.masterOnly(dir.resolve("lossless.mkv"));
            new Conform(FFMPEG).frameByFrame(new Footage.Clip(clip), new Conform.Format(pic.width(), pic.height(),
                    pic.fps(), length), lossless);
            clip = master(lossless);
        }
        EncodeTargets chosen = targets(dir, "chosen");
        EncodeTargets slow = targets(dir, "slow");
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, chosen);
        new Conform(FFMPEG).frameByFrame(new Footage.Clip(clip), format, slow);
        assertThat(FFMPEG.probe(master(chosen)).codec()).isEqualTo("ffv1");
        assertFormat(master(chosen), format);
        assertFormat(proxy(chosen), format);
        assertSamePixels(master(chosen), master(slow), format.frames());
    }

    /** The same clip twice gives the same master and proxy bytes. */
    @ParameterizedTest
    @MethodSource("seeds")
    void fastRoadIsDeterministic(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int w = pic.width();
        int h = pic.height();
        int fps = pic.fps();
        Conform.Format format = new Conform.Format(w, h, fps, r.nextInt(1, 30));
        Path clip = clip(r, w, h, fps, r.nextInt(1, 30));
        EncodeTargets once = targets(dir, "once");
        EncodeTargets twice = targets(dir, "twice");
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, once);
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, twice);
        assertSameBytesAndNothingHalfWritten(once, twice);
    }

    /** A clip of another size, rate or length still comes out at the take's format, frame by frame. */
    @ParameterizedTest
    @MethodSource("seeds")
    void otherClipsAreStillConformed(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int w = pic.width();
        int h = pic.height();
        int fps = pic.fps();
        boolean resize = r.nextBoolean();
        int clipW = resize ? w + 2 * r.nextInt(1, 20) : w;
        int clipFps = resize && r.nextBoolean() ? fps : RATES[(Arrays.binarySearch(RATES, fps) + 1) % RATES.length];
        Conform.Format format = new Conform.Format(w, h, fps, r.nextInt(1, 30));
        Path clip = clip(r, clipW, h, clipFps, r.nextInt(1, 30));
        EncodeTargets chosen = targets(dir, "chosen");
        EncodeTargets slow = targets(dir, "slow");
        new Conform(FFMPEG).conform(new Footage.Clip(clip), format, chosen);
        new Conform(FFMPEG).frameByFrame(new Footage.Clip(clip), format, slow);
        assertFormat(master(chosen), format);
        assertThat(Files.readAllBytes(master(chosen))).isEqualTo(Files.readAllBytes(master(slow)));
    }

    /**
     * A clip whose header has the take's format but whose pictures are gone: the fast road fails
     * and the frame-by-frame road names the trouble; nothing is left half-written.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aClipWithoutPicturesIsRefusedWithItsSentence(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Picture pic = Picture.random(r);
        int w = pic.width();
        int h = pic.height();
        int fps = pic.fps();
        Path clip = clip(r, w, h, fps, r.nextInt(2, 20));
        byte[] data = Files.readAllBytes(clip);
        int mdat = new String(data, StandardCharsets.ISO_8859_1).indexOf("mdat");
        Arrays.fill(data, mdat + 4, data.length, (byte) 0); // the proxy is fast-start: its index comes first
        Files.write(clip, data);
        Conform.Format format = new Conform.Format(w, h, fps, r.nextInt(1, 30));
        EncodeTargets out = targets(dir, "out");
        assertThatThrownBy(() -> new Conform(FFMPEG).conform(new Footage.Clip(clip), format, out))
                .isInstanceOf(FootageException.class).hasMessageContaining(clip.getFileName().toString());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("model-"));
        }
    }

    /** The same clip conformed twice gave the same master and proxy bytes, and no {@code .part} file stayed. */
    private void assertSameBytesAndNothingHalfWritten(EncodeTargets once, EncodeTargets twice) throws IOException {
        assertThat(Files.readAllBytes(master(twice))).isEqualTo(Files.readAllBytes(master(once)));
        assertThat(Files.readAllBytes(proxy(twice))).isEqualTo(Files.readAllBytes(proxy(once)));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }
}
