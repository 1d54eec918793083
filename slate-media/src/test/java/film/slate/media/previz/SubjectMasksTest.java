package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.TestFilm;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A character's mask is exactly where previz draws them: the pixels the picture changes when the
 * character is taken out of the scene (the same shot rendered from a cast without them), up to the
 * one-pixel antialiased edge. Masks follow the visible convention, so two never overlap.
 */
class SubjectMasksTest {
    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 12L * Integer.getInteger("slate.trials", 1)).map(i -> 0x3A5C0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMaskIsWherePrevizDrawsItsCharacter(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String mara = mark(r);
        String tom = mark(r);
        String camera = String.format(Locale.ROOT, "{ at: [%.2f, %.2f], height: %.2f, lens: %.0f, look_at: [%.2f, %.2f, 1.2] }",
                0.3 + r.nextDouble() * 5.4, 0.3 + r.nextDouble() * 5.4, 0.8 + r.nextDouble() * 1.4, 18 + r.nextDouble() * 40,
                1 + r.nextDouble() * 4, 1 + r.nextDouble() * 4);
        String walk = String.format(Locale.ROOT, "{ MARA: { to: [%.2f, %.2f] } }", 0.5 + r.nextDouble() * 5,
                0.5 + r.nextDouble() * 5);
        PrevizShot both = shot("both", "MARA: " + mara + "\n  TOM: " + tom, "[MARA, TOM]", camera, walk);
        PrevizShot withoutMara = shot("tom", "TOM: " + tom, "[TOM]", camera, "{}");
        PrevizShot withoutTom = shot("mara", "MARA: " + mara, "[MARA]", camera, walk);
        for (int frame : new int[] {0, both.frames() / 2, both.frames() - 1}) {
            SubjectMasks masks = both.masks(frame);
            boolean[] m = on(masks.mask("MARA"));
            boolean[] t = on(masks.mask("TOM"));
            // Drawn as the mask is (pixel centres): the pixels a character changes are exactly the mask.
            BufferedImage sharp = both.pictureWithoutNames(frame, false);
            assertThat(changed(sharp, withoutMara.pictureWithoutNames(frame, false))).as("MARA, seed %x frame %d", seed,
                    frame).isEqualTo(m);
            assertThat(changed(sharp, withoutTom.pictureWithoutNames(frame, false))).as("TOM, seed %x frame %d", seed,
                    frame).isEqualTo(t);
            // As previz shows it, antialiased: the same up to the edge and the seams that let a little show through.
            BufferedImage picture = both.pictureWithoutNames(frame, true);
            assertMatches(m, t, changed(picture, withoutMara.pictureWithoutNames(frame, true)), "MARA", seed, frame);
            assertMatches(t, m, changed(picture, withoutTom.pictureWithoutNames(frame, true)), "TOM", seed, frame);
            for (int i = 0; i < m.length; i++) {
                assertThat(m[i] && t[i]).as("masks overlap at pixel %d", i).isFalse();
            }
            // The ID matte the pass stores holds both masks at once: each one's number where their mask is, 0 elsewhere.
            var matte = masks.matte().getRaster();
            int maraId = both.cast().indexOf("MARA") + 1;
            int tomId = both.cast().indexOf("TOM") + 1;
            for (int i = 0; i < m.length; i++) {
                assertThat(matte.getSample(i % W, i / W, 0)).as("matte at pixel %d, seed %x frame %d", i, seed, frame)
                        .isEqualTo(m[i] ? maraId : t[i] ? tomId : 0);
            }
        }
    }

    /** A character behind the camera is in no pixel: the mask is empty, and of the picture's size. */
    @Test
    void aCharacterOutOfFrameHasAnEmptyMask() {
        PrevizShot shot = shot("away", "MARA: { at: [3, 1], facing: 0 }\n  TOM: { at: [3, 5], facing: 180 }", "[TOM]",
                "{ at: [3, 2], height: 1.6, lens: 35, look_at: TOM }", "{}");
        BufferedImage mara = shot.masks(0).mask("MARA");
        assertThat(mara.getWidth()).isEqualTo(W);
        assertThat(mara.getHeight()).isEqualTo(H);
        assertThat(count(on(mara))).isZero();
        assertThat(count(on(shot.masks(0).mask("TOM")))).isGreaterThan(100);
        assertThat(count(on(shot.masks(0).mask("NOBODY")))).isZero();
    }

    private static String mark(SplittableRandom r) {
        return String.format(Locale.ROOT, "{ at: [%.2f, %.2f], facing: %d }", 0.5 + r.nextDouble() * 5, 0.5 + r.nextDouble() * 5,
                r.nextInt(360));
    }

    private PrevizShot shot(String name, String cast, String subjects, String camera, String blocking) {
        String scene = """
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  %s
                shots:
                  - id: 1
                    framing: WS
                    subjects: %s
                    camera: %s
                    blocking: %s
                    duration: 1.0
                """.formatted(cast, subjects, camera, blocking);
        var production = TestFilm.read(TestFilm.write(dir.resolve(name), scene, 24, W, H)).production();
        return Previz.of(production).shot("1/1", 1).orElseThrow();
    }

    /**
     * Every pixel well inside the mask is one the character changes; every pixel it changes is in
     * its mask or on its edge (a figure just past the frame's edge may tint its last pixels), or
     * shows through an antialiased seam of the figure in front of it.
     */
    private static void assertMatches(boolean[] mask, boolean[] other, boolean[] changed, String who, long seed,
            int frame) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                boolean border = x == 0 || y == 0 || x == W - 1 || y == H - 1;
                if (changed[i] && !border) {
                    assertThat(near(mask, x, y, true) || near(other, x, y, true)).as("%s drawn at (%d,%d), away from any"
                            + " mask (seed %x frame %d)", who, x, y, seed, frame).isTrue();
                }
                if (mask[i] && !near(mask, x, y, false)) {
                    assertThat(changed[i]).as("%s's mask at (%d,%d) where previz does not draw them (seed %x frame %d)", who,
                            x, y, seed, frame).isTrue();
                }
            }
        }
    }

    /** Whether any pixel of the 3x3 block around (x, y) is {@code value}. */
    private static boolean near(boolean[] mask, int x, int y, boolean value) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < W && yy < H && mask[yy * W + xx] == value) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where two pictures of the same size differ. */
    static boolean[] changed(BufferedImage a, BufferedImage b) {
        boolean[] out = new boolean[a.getWidth() * a.getHeight()];
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                out[y * a.getWidth() + x] = a.getRGB(x, y) != b.getRGB(x, y);
            }
        }
        return out;
    }

    /** The pixels a mask covers; a mask holds only black and white. */
    static boolean[] on(BufferedImage mask) {
        boolean[] out = new boolean[mask.getWidth() * mask.getHeight()];
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertThat(v).as("a mask is black or white").isIn(0, 255);
                out[y * mask.getWidth() + x] = v == 255;
            }
        }
        return out;
    }

    static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
