package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
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
                assertThat(bytes(got.get(f))).as("seed %d, mask %d, frame %d", seed, m.getKey(), f)
                        .isEqualTo(mask(mattes.get(f), m.getKey()));
            }
        }
        if (pose.isPresent()) {
            List<BufferedImage> got = VideoDecoder.readAll(ffmpeg, pose.get(), PixelFormat.BGR24);
            assertThat(got).hasSize(frames);
            for (int f = 0; f < frames; f++) {
                assertThat(bytes(got.get(f))).as("seed %d, pose frame %d", seed, f)
                        .isEqualTo(bgr(palette, poses.get(f)));
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(Path::toString)).as("no part file left").noneMatch(n -> n.endsWith(".part"));
        }
    }

    /**
     * A take whose frames hold the picture before in seeded runs (long holds, single frames, a
     * held last frame, none held) decodes to every frame, and its files are the very bytes that
     * piping every frame makes: in a take of known length the held frames, found by the encoder,
     * never cross the pipe but are repeated by FFmpeg.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void heldFramesAreRepeatedExactly(long seed) throws Exception {
        Random r = new Random(seed * 7919);
        int width = 2 * (1 + r.nextInt(30));
        int height = 2 * (1 + r.nextInt(20));
        int frames = 1 + r.nextInt(40);
        int[] palette = new int[2 + r.nextInt(60)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = r.nextInt(1 << 24);
        }
        BitSet held = new BitSet();
        int chance = (int) (seed % 4); // 0: none held; else held one frame in 2, 3/4, 9/10
        for (int f = 1; f < frames; f++) {
            int in = r.nextInt(10);
            if (chance == 1 && in < 5 || chance == 2 && in < 7 || chance == 3 && in < 9) {
                held.set(f);
            }
        }
        List<byte[]> mattes = new ArrayList<>();
        List<byte[]> poses = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            boolean same = held.get(f);
            mattes.add(same ? mattes.get(f - 1) : picture(r, width, height, 4));
            poses.add(same ? poses.get(f - 1) : picture(r, width, height, palette.length));
        }
        Ffmpeg ffmpeg = Ffmpeg.find();
        var shape = new PassVideoEncoder.Shape(width, height, 24);
        Map<String, Path> made = new LinkedHashMap<>();
        for (String way : List.of("every", "take")) { // take: its length named, its holds found by the encoder
            Map<Integer, Path> masks = new LinkedHashMap<>();
            masks.put(1, dir.resolve(way + "-mask-1.mov"));
            masks.put(3, dir.resolve(way + "-mask-3.mov"));
            Optional<Path> pose = Optional.of(dir.resolve(way + "-pose.mov"));
            try (PassVideoEncoder e = way.equals("every") ? PassVideoEncoder.open(ffmpeg, shape, masks, pose, palette)
                    : PassVideoEncoder.open(ffmpeg, shape, masks, pose, palette, frames)) {
                for (int f = 0; f < frames; f++) {
                    // a held frame passed as an equal copy, not the same arrays, now and then
                    boolean copy = held.get(f) && r.nextBoolean();
                    e.write(copy ? mattes.get(f).clone() : mattes.get(f), copy ? poses.get(f).clone() : poses.get(f));
                }
                assertThat(e.frames()).isEqualTo(frames);
            }
            masks.forEach((id, p) -> made.put(way + id, p));
            made.put(way + "pose", pose.get());
        }
        for (String what : List.of("1", "3", "pose")) {
            assertThat(Files.readAllBytes(made.get("take" + what))).as("seed %d, %s, %s found held", seed, what, held)
                    .isEqualTo(Files.readAllBytes(made.get("every" + what)));
        }
        List<BufferedImage> got = VideoDecoder.readAll(ffmpeg, made.get("take3"), PixelFormat.GRAY8);
        assertThat(got).hasSize(frames);
        List<BufferedImage> pictures = VideoDecoder.readAll(ffmpeg, made.get("takepose"), PixelFormat.BGR24);
        assertThat(got).hasSize(frames);
        assertThat(pictures).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            assertThat(bytes(got.get(f))).as("seed %d, mask frame %d", seed, f).isEqualTo(mask(mattes.get(f), 3));
            assertThat(bytes(pictures.get(f))).as("seed %d, pose frame %d", seed, f).isEqualTo(bgr(palette, poses.get(f)));
        }
    }

    /** Many short holds (once too many jumps to name on FFmpeg's command line) each cross with their time and decode exactly. */
    @Test
    void aTakeOfManyShortHoldsDecodesFrameForFrame() throws Exception {
        int frames = 1200;
        BitSet held = new BitSet();
        for (int f = 1; f < frames; f += 2) {
            held.set(f);
        }
        Path out = dir.resolve("pose.mov");
        int[] palette = {0, 0xffffff};
        List<byte[]> sent = new ArrayList<>();
        try (PassVideoEncoder e = PassVideoEncoder.open(Ffmpeg.find(), new PassVideoEncoder.Shape(2, 2, 24), Map.of(),
                Optional.of(out), palette, frames)) {
            for (int f = 0; f < frames; f++) {
                byte[] indices = held.get(f) ? sent.get(f - 1) : new byte[] {(byte) (f / 2 % 2), 0, 1, (byte) (f % 3 % 2)};
                sent.add(indices);
                e.write(null, indices);
            }
        }
        List<BufferedImage> got = VideoDecoder.readAll(Ffmpeg.find(), out, PixelFormat.BGR24);
        assertThat(got).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            assertThat(bytes(got.get(f))).as("frame %d", f).isEqualTo(bgr(palette, sent.get(f)));
        }
    }

    @Test
    void anAbortedTakeClosesQuietlyAndKeepsNothing() throws Exception {
        var shape = new PassVideoEncoder.Shape(4, 4, 24);
        Path out = dir.resolve("aborted.mov");
        PassVideoEncoder e = PassVideoEncoder.open(Ffmpeg.find(), shape, Map.of(), Optional.of(out), new int[4], 3);
        e.write(null, new byte[16]);
        e.abort();
        e.close(); // as try-with-resources does after an abort: the abort's reason is the one that stands
        assertThat(out).doesNotExist();
        assertThat(Ffmpeg.partOf(out)).doesNotExist();
    }

    @Test
    void anAbortedTakeOfUnknownLengthClosesQuietlyAndKeepsNothing() throws Exception {
        Path out = dir.resolve("aborted.mov");
        PassVideoEncoder e = PassVideoEncoder.open(Ffmpeg.find(), new PassVideoEncoder.Shape(4, 4, 24), Map.of(),
                Optional.of(out), new int[4]);
        e.write(null, new byte[16]);
        e.write(null, new byte[16]);
        e.abort();
        e.close();
        assertThat(e.frames()).isEqualTo(2);
        assertThatThrownBy(() -> e.write(null, new byte[16])).hasMessageContaining("closed");
        assertThat(out).doesNotExist();
        assertThat(Ffmpeg.partOf(out)).doesNotExist();
    }

    @Test
    void aTakeIsWrittenWholeOrNotKept() throws Exception {
        var shape = new PassVideoEncoder.Shape(4, 4, 24);
        Path out = dir.resolve("pose.mov");
        PassVideoEncoder e = PassVideoEncoder.open(Ffmpeg.find(), shape, Map.of(), Optional.of(out), new int[4], 3);
        byte[] still = new byte[16];
        e.write(null, still);
        e.write(null, still); // held: not piped
        assertThatThrownBy(e::close).hasMessageContaining("3 frames but 2 were written");
        assertThat(out).doesNotExist();
        assertThat(Ffmpeg.partOf(out)).doesNotExist();
        PassVideoEncoder one = PassVideoEncoder.open(Ffmpeg.find(), shape, Map.of(), Optional.of(out), new int[4], 1);
        one.write(null, still);
        assertThatThrownBy(() -> one.write(null, still)).hasMessageContaining("frame 1 is past its end");
        one.close();
        assertThat(VideoDecoder.readAll(Ffmpeg.find(), out, PixelFormat.BGR24)).hasSize(1);
        assertThatThrownBy(() -> PassVideoEncoder.open(Ffmpeg.find(), shape, Map.of(), Optional.of(out), new int[4], 0))
                .hasMessageContaining("at least one frame, not 0");
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

    /** What a mask video of matte number {@code id} decodes to: 255 where the matte holds it. */
    private static byte[] mask(byte[] matte, int id) {
        byte[] expected = new byte[matte.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (matte[i] & 0xff) == id ? (byte) 255 : 0;
        }
        return expected;
    }

    /** What the pose video decodes to (as BGR): each index's palette colour. */
    private static byte[] bgr(int[] palette, byte[] indices) {
        byte[] expected = new byte[3 * indices.length];
        for (int i = 0; i < indices.length; i++) {
            int c = palette[indices[i] & 0xff];
            expected[3 * i] = (byte) c;
            expected[3 * i + 1] = (byte) (c >> 8);
            expected[3 * i + 2] = (byte) (c >> 16);
        }
        return expected;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
