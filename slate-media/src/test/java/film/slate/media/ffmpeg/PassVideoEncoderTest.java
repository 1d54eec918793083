package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pass videos decode to exactly what was sent: each mask video 255 where the matte holds its
 * number and 0 elsewhere, the pose video each index's palette colour; over seeded frames of
 * random sizes (widths that are not multiples of 4 among them), owners, palettes and flat runs (run-length coding's easy case) as well as noise
 * (its worst), with masks alone, the pose alone, or both from one process.
 */
class PassVideoEncoderTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(1, 13);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void whatIsSentIsWhatDecodes(long seed) throws Exception {
        Random r = new Random(seed);
        int width = 2 * (1 + r.nextInt(40));
        int height = 2 * (1 + r.nextInt(30));
        int frames = 1 + r.nextInt(14);
        int cast = 1 + r.nextInt(5);
        int[] palette = new int[1 + r.nextInt(256)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(1 << 24);
        }
        int kind = (int) (seed % 3); // 0: masks and pose, 1: masks alone, 2: the pose alone
        Map<Integer, Path> masks = new LinkedHashMap<>();
        if (kind != 2) {
            for (int id = 1; id <= cast; id++) {
                if (id == 1 || r.nextBoolean()) {
                    masks.put(id, dir.resolve("mask-" + id + ".mov"));
                }
            }
        }
        Optional<Path> pose = kind == 1 ? Optional.empty() : Optional.of(dir.resolve("pose.mov"));
        List<byte[]> mattes = new ArrayList<>();
        List<byte[]> poses = new ArrayList<>();
        Ffmpeg ffmpeg = Ffmpeg.find();
        try (PassVideoEncoder e = PassVideoEncoder.open(ffmpeg, new PassVideoEncoder.Shape(width, height, 24), masks,
                pose, palette)) {
            for (int f = 0; f < frames; f++) {
                byte[] matte = picture(r, width, height, cast + 1);
                byte[] indices = picture(r, width, height, palette.length);
                mattes.add(matte.clone());
                poses.add(indices.clone());
                e.write(matte, indices);
            }
        }
        for (var m : masks.entrySet()) {
            List<BufferedImage> got = VideoDecoder.readAll(ffmpeg, m.getValue(), PixelFormat.GRAY8);
            assertThat(got).hasSize(frames);
            for (int f = 0; f < frames; f++) {
                byte[] expected = new byte[width * height];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (mattes.get(f)[i] & 0xff) == m.getKey() ? (byte) 255 : 0;
                }
                assertThat(bytes(got.get(f))).as("seed %d, mask %d, frame %d", seed, m.getKey(), f).isEqualTo(expected);
            }
        }
        if (pose.isPresent()) {
            List<BufferedImage> got = VideoDecoder.readAll(ffmpeg, pose.get(), PixelFormat.BGR24);
            assertThat(got).hasSize(frames);
            for (int f = 0; f < frames; f++) {
                byte[] expected = new byte[3 * width * height];
                for (int i = 0; i < width * height; i++) {
                    int c = palette[poses.get(f)[i] & 0xff];
                    expected[3 * i] = (byte) c;
                    expected[3 * i + 1] = (byte) (c >> 8);
                    expected[3 * i + 2] = (byte) (c >> 16);
                }
                assertThat(bytes(got.get(f))).as("seed %d, pose frame %d", seed, f).isEqualTo(expected);
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(Path::toString)).as("no part file left").noneMatch(n -> n.endsWith(".part"));
        }
    }

    /** Flat rectangles of random values, or noise, or the frame before changed in places. */
    private static byte[] picture(Random r, int width, int height, int values) {
        byte[] px = new byte[width * height];
        if (r.nextInt(4) == 0) {
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) r.nextInt(values);
            }
            return px;
        }
        for (int n = r.nextInt(6); n > 0; n--) {
            int x0 = r.nextInt(width);
            int y0 = r.nextInt(height);
            int x1 = x0 + r.nextInt(width - x0 + 1);
            int y1 = y0 + r.nextInt(height - y0 + 1);
            byte v = (byte) r.nextInt(values);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    px[y * width + x] = v;
                }
            }
        }
        return px;
    }

    @Test
    void aMaskNumberIsAByteAboveNobodysAndEveryVideoAMov() {
        int[] palette = new int[36];
        Ffmpeg ffmpeg = Ffmpeg.find();
        var shape = new PassVideoEncoder.Shape(8, 8, 24);
        assertThatThrownBy(() -> PassVideoEncoder.open(ffmpeg, shape, Map.of(0, dir.resolve("m.mov")), Optional.empty(),
                palette)).hasMessageContaining("matte number 0");
        assertThatThrownBy(() -> PassVideoEncoder.open(ffmpeg, shape, Map.of(256, dir.resolve("m.mov")),
                Optional.empty(), palette)).hasMessageContaining("matte number 256");
        assertThatThrownBy(() -> PassVideoEncoder.open(ffmpeg, shape, Map.of(), Optional.of(dir.resolve("p.mov")),
                new int[257])).hasMessageContaining("1 to 256 colours");
        assertThatThrownBy(() -> PassVideoEncoder.open(ffmpeg, shape, Map.of(), Optional.of(dir.resolve("p.mkv")),
                palette)).hasMessageContaining("QuickTime .mov");
        assertThatThrownBy(() -> PassVideoEncoder.open(ffmpeg, shape, Map.of(), Optional.empty(), palette))
                .hasMessageContaining("name a mask video or the pose video");
    }

    @Test
    void aFrameOfTheWrongSizeIsRefusedAndAnAbortLeavesNothing() throws Exception {
        Path out = dir.resolve("pose.mov");
        PassVideoEncoder e = PassVideoEncoder.open(Ffmpeg.find(), new PassVideoEncoder.Shape(8, 8, 24), Map.of(),
                Optional.of(out), new int[256]);
        assertThatThrownBy(() -> e.write(null, new byte[63])).hasMessageContaining("64 bytes, not 63");
        e.write(null, new byte[64]);
        e.abort();
        assertThat(out).doesNotExist();
        assertThat(Ffmpeg.partOf(out)).doesNotExist();
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
