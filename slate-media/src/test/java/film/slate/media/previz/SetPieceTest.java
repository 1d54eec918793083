package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;
import static film.slate.media.previz.SubjectMasksTest.changed;
import static film.slate.media.previz.SubjectMasksTest.count;
import static film.slate.media.previz.SubjectMasksTest.on;

import film.slate.media.TestFilm;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Set pieces hide what is behind them, in the picture and in the masks alike: a character's mask
 * is still exactly the pixels previz draws them in (those the picture changes when they leave the
 * set), it only loses what a piece in front covers, and a piece behind a character hides nothing
 * of them.
 */
class SetPieceTest {
    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 10L * Integer.getInteger("slate.trials", 1)).map(i -> 0x5E7B0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMaskIsWherePrevizDrawsItsCharacterWithPiecesInFront(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double mx = 1.5 + r.nextDouble() * 3;
        double my = 3.5 + r.nextDouble() * 2;
        double cx = 0.8 + r.nextDouble() * 4.4;
        double cy = 0.3 + r.nextDouble() * 0.8;
        double share = 0.35 + r.nextDouble() * 0.3; // where the piece stands between the lens and Mara
        String piece = String.format(Locale.ROOT, "{ at: [%.2f, %.2f], size: [%.2f, %.2f], height: %.2f, facing: %d }",
                cx + (mx - cx) * share, cy + (my - cy) * share, 0.4 + r.nextDouble() * 1.2, 0.3 + r.nextDouble() * 0.5,
                0.4 + r.nextDouble() * 1.2, r.nextInt(90));
        String camera = String.format(Locale.ROOT, "{ at: [%.2f, %.2f], height: %.2f, lens: %.0f, look_at: [%.2f, %.2f, 1.0] }",
                cx, cy, 0.6 + r.nextDouble() * 1.6, 20 + r.nextDouble() * 30, mx, my);
        String mara = String.format(Locale.ROOT, "MARA: { at: [%.2f, %.2f], facing: %d, posture: %s }", mx, my,
                r.nextInt(360), new String[] {"stand", "sit", "kneel", "lie"}[r.nextInt(4)]);
        PrevizShot with = shot("with", mara, camera, piece);
        PrevizShot without = shot("without", "{}", camera, piece);
        PrevizShot bare = shot("bare", mara, camera, null);
        for (int frame : new int[] {0, with.frames() - 1}) {
            boolean[] mask = on(with.masks(frame).mask("MARA"));
            boolean[] changed = changed(with.pictureWithoutNames(frame, false), without.pictureWithoutNames(frame, false));
            assertThat(changed).as("seed %x frame %d", seed, frame).isEqualTo(mask);
            boolean[] unhidden = on(bare.masks(frame).mask("MARA"));
            for (int i = 0; i < mask.length; i++) {
                assertThat(!mask[i] || unhidden[i]).as("a piece adds nothing to a mask (pixel %d, seed %x)", i, seed).isTrue();
            }
        }
    }

    @Test
    void aFigureBehindATallBlockIsHiddenAndOneInFrontIsNot() {
        String block = "{ at: [3, 3], size: [2.5, 0.6], height: 2.4 }";
        String camera = "{ at: [3, 0.5], height: 1.5, lens: 35, look_at: [3, 4, 1.2] }";
        assertThat(count(on(shot("behind", "MARA: { at: [3, 4.5], facing: 180 }", camera, block).masks(0).mask("MARA"))))
                .isZero();
        boolean[] front = on(shot("front", "MARA: { at: [3, 2], facing: 180 }", camera, block).masks(0).mask("MARA"));
        boolean[] alone = on(shot("alone", "MARA: { at: [3, 2], facing: 180 }", camera, null).masks(0).mask("MARA"));
        assertThat(count(front)).isGreaterThan(500);
        assertThat(front).isEqualTo(alone);
    }

    private PrevizShot shot(String name, String cast, String camera, String piece) {
        String scene = """
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  %s
                shots:
                  - id: 1
                    framing: WS
                    subjects: []
                    camera: %s
                    duration: 0.5
                """.formatted(cast, camera);
        Path folder = piece == null ? TestFilm.write(dir.resolve(name), scene, 24, W, H)
                : TestFilm.write(dir.resolve(name), scene, 24, W, H, "BENCH: " + piece);
        var read = TestFilm.read(folder);
        assertThat(read.diagnostics()).as(name).isEmpty();
        return Previz.of(read.production()).shot("1/1", 1).orElseThrow();
    }
}
