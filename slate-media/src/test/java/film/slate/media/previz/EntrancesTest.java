package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.TestFilm;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A character who enters is off set until the shot they enter in, and one who exits is off set
 * after it: previz draws nobody, their mask is empty and the pose pass has no skeleton for them;
 * in between they are on set in every frame.
 */
class EntrancesTest {
    private static final int W = 160;
    private static final int H = 90;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 8L * Integer.getInteger("slate.trials", 1)).map(i -> 0xE7E70000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void offSetMeansAbsentFromFrameMasksAndPose(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int shots = 2 + r.nextInt(4);
        int enters = r.nextInt(shots);
        int exits = enters + r.nextInt(shots - enters);
        StringBuilder scene = new StringBuilder("""
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  MARA: { at: [3, 3], facing: 180 }
                  TOM: { at: off, wardrobe: sweater }
                shots:
                """);
        for (int i = 0; i < shots; i++) {
            String door = String.format(Locale.ROOT, "[%.2f, 5.8]", 0.5 + r.nextDouble() * 5);
            String mark = String.format(Locale.ROOT, "[%.2f, %.2f]", 1 + r.nextDouble() * 4, 2 + r.nextDouble() * 3);
            String tom = i == enters && i == exits ? "{ enters: " + door + ", exits: " + mark + " }"
                    : i == enters ? "{ enters: " + door + ", to: " + mark + " }"
                    : i == exits ? "{ exits: " + door + " }" : null;
            scene.append("  - id: S").append(i).append("\n    framing: WS\n    subjects: [MARA]\n")
                    .append("    camera: { at: [3, 0.2], height: 1.6, lens: 18, look_at: [3, 3.5] }\n    duration: 0.5\n")
                    .append(tom == null ? "" : "    blocking: { TOM: " + tom + " }\n");
        }
        var read = TestFilm.read(TestFilm.write(dir, scene.toString(), 24, W, H));
        assertThat(read.diagnostics()).isEmpty();
        Previz previz = Previz.of(read.production());
        for (int i = 0; i < shots; i++) {
            PrevizShot shot = previz.shot("1/S" + i, 1).orElseThrow();
            boolean on = i >= enters && i <= exits;
            assertThat(shot.cast().contains("TOM")).as("shot %d of %d, enters %d exits %d", i, shots, enters, exits)
                    .isEqualTo(on);
            for (int frame : new int[] {0, shot.frames() - 1}) {
                assertThat(shot.staging().body("TOM", shot.instant(frame)).isPresent()).isEqualTo(on);
                if (!on) {
                    assertThat(shot.masks(frame).shows("TOM")).isFalse();
                    assertThat(SubjectMasksTest.count(SubjectMasksTest.on(shot.masks(frame).mask("TOM")))).isZero();
                }
            }
        }
    }
}
