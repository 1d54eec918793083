package film.slate.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import film.slate.core.recipe.Recipe;
import film.slate.media.composite.Alpha;
import film.slate.media.composite.Mask;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.store.FixChain;
import film.slate.store.db.TakeRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edit locality as a property (issue 14): over seeded random regions, drawn masks, frame ranges,
 * feathers, field changes and backends (previz, a program painting noise everywhere, ComfyUI's
 * protocol), every pixel of a fix's master outside mask x range decodes to the parent's, bit for
 * bit; where the mask is whole the backend's pixels arrive; on the feathered edge each channel lies
 * between the two. {@code -Dslate.fix.trials=N} runs N trials per backend (default 3).
 */
class EditLocalityTest {
    static final int TRIALS = Integer.getInteger("slate.fix.trials", 3);

    @TempDir
    static Path tmp;

    static FixProduction production;

    @BeforeAll
    static void render() throws Exception {
        production = FixProduction.open(tmp.resolve("p"), 1, 2);
    }

    @AfterAll
    static void close() throws Exception {
        production.close();
    }

    static Stream<Arguments> trials() {
        return Stream.of("main", "noise", "comfy")
                .flatMap(b -> IntStream.range(0, TRIALS).mapToObj(i -> Arguments.of(b, 1000L * b.length() + i)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trials")
    void pixelsOutsideMaskAndRangeAreTheParentsAndInsideTheBackends(String backend, long seed) throws Exception {
        Random rnd = new Random(seed);
        String shot = rnd.nextBoolean() ? "1/1S1" : "1/1S2";
        TakeRecord parent = version(shot, 1);
        Trial t = trial(rnd, parent, backend, shot, Optional.of(1));
        Path backendTake = tmp.resolve("backend-" + backend + "-" + seed + ".mkv");
        Fixer.Made made = production.fixer(p -> copy(p, backendTake)).fix(t.order());
        assertThat(made.existed()).isFalse();
        assertThat(made.version().version()).isGreaterThan(1);
        List<byte[]> before = frames(parent);
        List<byte[]> after = frames(made.version());
        List<byte[]> painted = decode(backendTake);
        check(before, after, painted, t.mask(), t.order());
        if (!backend.equals("main")) {
            assertThat(differ(before, after)).as("the backend's pixels arrive").isPositive();
        }
    }

    @Test
    void tenChainedFixesLeaveEveryPixelOutsideTheirMasksAsTheFirstVersion() throws Exception {
        Random rnd = new Random(77);
        String shot = "1/1S2";
        TakeRecord first = production.store.takes().ofShot(shot).stream().filter(v -> v.take() == 1)
                .max(java.util.Comparator.comparingInt(TakeRecord::version)).orElseThrow();
        List<byte[]> original = frames(first);
        int w = 64;
        boolean[][] touched = new boolean[original.size()][original.get(0).length / 3];
        TakeRecord parent = first;
        for (int i = 0; i < 10; i++) {
            Trial t = trial(rnd, parent, i % 2 == 0 ? "noise" : "comfy", shot, Optional.empty());
            Fixer.Made made = production.fixer(p -> { }).fix(t.order());
            assertThat(production.store.fixes().get(made.fix().id()).orElseThrow().parent()).isEqualTo(parent.recipe());
            check(frames(parent), frames(made.version()), null, t.mask(), t.order());
            Alpha a = Alpha.of(t.mask(), t.order().feather());
            for (int f = t.order().first(); f <= t.order().last(); f++) {
                for (int p = 0; p < touched[f].length; p++) {
                    touched[f][p] |= a.at(p % w, p / w) > 0;
                }
            }
            parent = made.version();
        }
        List<byte[]> last = frames(parent);
        for (int f = 0; f < original.size(); f++) {
            for (int p = 0; p < touched[f].length; p++) {
                if (!touched[f][p]) {
                    for (int c = 0; c < 3; c++) {
                        if (original.get(f)[p * 3 + c] != last.get(f)[p * 3 + c]) {
                            fail("after ten fixes, frame " + f + " pixel " + p + " outside every mask drifted");
                        }
                    }
                }
            }
        }
    }

    /** A random order: a region or a drawn mask, a range, a feather, and fields the backend shows. */
    record Trial(FixOrder order, Mask mask) {
    }

    private Trial trial(Random rnd, TakeRecord parent, String backend, String shot, Optional<Integer> version)
            throws Exception {
        Recipe root = FixChain.of(production.store, parent.recipe()).orElseThrow().root();
        int frames = root.frames();
        int width = root.content().format().width();
        int height = root.content().format().height();
        int first = rnd.nextInt(frames);
        int last = first + rnd.nextInt(frames - first);
        int feather = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(7);
        FixOrder.Where where;
        Mask mask;
        if (rnd.nextBoolean()) {
            int x = rnd.nextInt(width - 1);
            int y = rnd.nextInt(height - 1);
            int w = 1 + rnd.nextInt(width - x);
            int h = 1 + rnd.nextInt(height - y);
            where = new FixOrder.Region(x, y, w, h);
            mask = Mask.region(width, height, x, y, w, h);
        } else {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
                int x = rnd.nextInt(width);
                int y = rnd.nextInt(height);
                if (rnd.nextBoolean()) {
                    g.fillOval(x - 2, y - 2, 4 + rnd.nextInt(30), 4 + rnd.nextInt(20));
                } else {
                    g.fillRect(x, y, 1 + rnd.nextInt(25), 1 + rnd.nextInt(15));
                }
            }
            g.dispose();
            Path file = Files.createTempFile(tmp, "mask", ".png");
            ImageIO.write(img, "png", file.toFile());
            where = new FixOrder.MaskFile(file);
            mask = Mask.of(img);
        }
        Map<String, String> set = backend.equals("main")
                ? Map.of("time", List.of("DAY", "NIGHT", "DUSK", "DAWN").get(rnd.nextInt(4)),
                        "color." + root.content().cast().get(0).id(), String.format("#%06x", rnd.nextInt(1 << 24)))
                : Map.of();
        Optional<String> prompt = backend.equals("main") ? Optional.empty() : Optional.of("fix " + rnd.nextInt(1000));
        return new Trial(new FixOrder(shot, 1, version, first, last, where, prompt, set, Optional.of(backend), feather),
                mask);
    }

    /**
     * The property: outside the range or where the alpha is 0, the parent's bytes; where it is 255,
     * the backend's (when known); between, each channel between the two.
     */
    static void check(List<byte[]> before, List<byte[]> after, List<byte[]> painted, Mask mask, FixOrder order) {
        assertThat(after).hasSameSizeAs(before);
        Alpha a = Alpha.of(mask, order.feather());
        int w = mask.width();
        for (int f = 0; f < before.size(); f++) {
            byte[] b = before.get(f);
            byte[] x = after.get(f);
            byte[] n = painted == null ? null : painted.get(Math.min(f, painted.size() - 1));
            for (int p = 0; p < b.length / 3; p++) {
                int alpha = f < order.first() || f > order.last() ? 0 : a.at(p % w, p / w);
                for (int c = p * 3; c < p * 3 + 3; c++) {
                    int pb = b[c] & 255;
                    int px = x[c] & 255;
                    if (alpha == 0 && px != pb) {
                        fail("frame " + f + " pixel (" + p % w + "," + p / w + ") outside mask x range changed: "
                                + pb + " -> " + px);
                    }
                    if (n != null && alpha == 255 && px != (n[c] & 255)) {
                        fail("frame " + f + " pixel (" + p % w + "," + p / w + ") inside the mask is not the backend's");
                    }
                    if (n != null && alpha > 0 && alpha < 255
                            && (px < Math.min(pb, n[c] & 255) || px > Math.max(pb, n[c] & 255))) {
                        fail("frame " + f + " pixel (" + p % w + "," + p / w + ") on the feather is no blend");
                    }
                }
            }
        }
    }

    private static long differ(List<byte[]> a, List<byte[]> b) {
        long n = 0;
        for (int f = 0; f < a.size(); f++) {
            for (int i = 0; i < a.get(f).length; i++) {
                n += a.get(f)[i] != b.get(f)[i] ? 1 : 0;
            }
        }
        return n;
    }

    static TakeRecord version(String shot, int v) {
        return production.store.takes().ofShot(shot).stream().filter(t -> t.take() == 1 && t.version() == v).findFirst()
                .orElseThrow();
    }

    static List<byte[]> frames(TakeRecord t) {
        return decode(production.store.objects().path(t.master().orElseThrow()));
    }

    static List<byte[]> decode(Path video) {
        List<byte[]> out = new ArrayList<>();
        for (BufferedImage i : VideoDecoder.readAll(Ffmpeg.find(), video, PixelFormat.BGR24)) {
            out.add(((DataBufferByte) i.getRaster().getDataBuffer()).getData());
        }
        return out;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
