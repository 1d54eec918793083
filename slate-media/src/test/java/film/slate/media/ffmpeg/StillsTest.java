package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stills of many masters taken in shared FFmpeg runs are each master's own frames, exactly. */
class StillsTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 1);
        return LongStream.range(0, 2L * trials).map(i -> 0x57110000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyStillIsItsMastersFrame(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(8, 40);
        int h = 2 * r.nextInt(8, 30);
        int fps = List.of(12, 24, 25).get(r.nextInt(3));
        List<Path> masters = new ArrayList<>();
        List<List<BufferedImage>> pictures = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            Path master = dir.resolve("m" + m + ".mkv");
            List<BufferedImage> frames = encoded(r, w, h, fps, r.nextInt(3, 12), EncodeTargets.masterOnly(master));
            masters.add(master);
            pictures.add(frames);
        }
        // More grabs than one run takes, so the stills are split over runs.
        List<Stills.Grab> grabs = new ArrayList<>();
        List<int[]> wanted = new ArrayList<>();
        for (int g = 0; g < Stills.VIDEOS_A_RUN + 3; g++) {
            int m = r.nextInt(masters.size());
            int count = pictures.get(m).size();
            int[] frames = {0, r.nextInt(count), count - 1};
            // A folder whose name FFmpeg's numbered outputs would read as a pattern.
            Path out = Files.createDirectories(dir.resolve("100%d stills"));
            List<Path> pngs = List.of(out.resolve(g + "-a.png"), out.resolve(g + "-b.png"), out.resolve(g + "-c.png"));
            grabs.add(new Stills.Grab(masters.get(m), fps, frames, pngs));
            wanted.add(new int[] {m, frames[0], frames[1], frames[2]});
        }
        Stills.grab(FFMPEG, grabs);
        for (int g = 0; g < grabs.size(); g++) {
            for (int i = 0; i < 3; i++) {
                BufferedImage still = ImageIO.read(grabs.get(g).pngs().get(i).toFile());
                BufferedImage frame = pictures.get(wanted.get(g)[0]).get(wanted.get(g)[i + 1]);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        assertThat(still.getRGB(x, y) & 0xFFFFFF).as("grab %d still %d at %d,%d", g, i, x, y)
                                .isEqualTo(frame.getRGB(x, y) & 0xFFFFFF);
                    }
                }
            }
        }
        try (var files = Files.list(dir.resolve("100%d stills"))) {
            assertThat(files.filter(p -> p.toString().contains(".part"))).isEmpty();
        }
    }

    /**
     * A video that is not all key frames (an H.264 clip stored as it came) is read by seeking, not by
     * dropping the other frames' packets: its stills are its decoded frames, exactly.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void anH264VideosStillsAreItsDecodedFrames(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(16, 40);
        int h = 2 * r.nextInt(16, 30);
        Path proxy = dir.resolve("clip.mp4");
        Path master = dir.resolve("clip.mkv");
        int count = r.nextInt(20, 40);
        encoded(r, w, h, 24, count, EncodeTargets.both(master, proxy));
        assertThat(Stills.everyFrameKey(master)).isTrue();
        assertThat(Stills.everyFrameKey(proxy)).isFalse();
        List<BufferedImage> decoded = VideoDecoder.readAll(FFMPEG, proxy, PixelFormat.BGR24);
        int[] frames = {r.nextInt(count), r.nextInt(count), count - 1};
        List<Path> pngs = List.of(dir.resolve("a.png"), dir.resolve("b.png"), dir.resolve("c.png"));
        Stills.grab(FFMPEG, proxy, 24, frames, pngs);
        for (int i = 0; i < 3; i++) {
            BufferedImage still = ImageIO.read(pngs.get(i).toFile());
            BufferedImage frame = decoded.get(frames[i]);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(still.getRGB(x, y) & 0xFFFFFF).as("still %d (frame %d) at %d,%d", i, frames[i], x, y)
                            .isEqualTo(frame.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
    }

    /** Asking for frames past a master's end is refused with the sentence, and nothing is left half-written. */
    @ParameterizedTest
    @MethodSource("seeds")
    void framesPastTheEndAreRefused(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Path master = dir.resolve("short.mkv");
        int count = r.nextInt(2, 6);
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, 16, 16, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(master))) {
            for (int i = 0; i < count; i++) {
                e.write(PixelFormat.BGR24.newImage(16, 16));
            }
        }
        List<Path> pngs = List.of(dir.resolve("a.png"), dir.resolve("b.png"), dir.resolve("c.png"));
        assertThatThrownBy(() -> Stills.grab(FFMPEG, master, 24, new int[] {0, count - 1, count + r.nextInt(3)}, pngs))
                .isInstanceOf(FfmpegException.class).hasMessageContaining("is shorter than the frames its stills need");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("short.mkv");
        }
    }

    /** {@code count} frames of seeded noise, encoded to {@code targets}; returns the frames. */
    private static List<BufferedImage> encoded(SplittableRandom r, int w, int h, int fps, int count, EncodeTargets targets) {
        List<BufferedImage> frames = new ArrayList<>();
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, fps, PixelFormat.BGR24, targets)) {
            for (int i = 0; i < count; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(w, h);
                r.nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
                frames.add(img);
                e.write(img);
            }
        }
        return frames;
    }
}
