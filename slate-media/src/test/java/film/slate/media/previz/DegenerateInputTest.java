package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.media.TestFilm;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cameras previz cannot show truthfully are reported by the checker, and the renderer still draws every frame. */
class DegenerateInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cameras() {
        return Stream.of(
                Arguments.of("on its look-at point", "{ at: [3, 1], height: 1.6, lens: 35, look_at: [3, 1] }", ""),
                Arguments.of("inside a figure", "{ at: [3, 4], height: 1.0, lens: 35, look_at: [3, 0] }", ""),
                Arguments.of("a 1 mm lens", "{ at: [3, 0.5], height: 1.6, lens: 1, look_at: MARA }", ""),
                Arguments.of("a 2000 mm lens", "{ at: [3, 0.5], height: 1.6, lens: 2000, look_at: MARA }", ""),
                Arguments.of("a crane through the floor onto its aim", "{ at: [3, 1], height: 1.6, lens: 35, look_at: [3, 2, 0] }",
                        "{ type: crane, to: [3, 2], height: 0 }"),
                Arguments.of("a wild handheld shake", "{ at: [3, 3.9], height: 1.6, lens: 8, look_at: MARA }",
                        "{ type: handheld, amplitude: 1 }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cameras")
    void isReportedAndStillRenders(String what, String camera, String move) {
        Path film = TestFilm.write(dir, Shots.scene("[3, 4]", 180, Shots.shot("1", camera, move, 0.5)), 24, 64, 36);
        var read = TestFilm.read(film);
        if (move.isEmpty() || move.contains("crane")) {
            assertThat(Checker.check(read)).extracting(d -> d.rule().id()).as(what).contains("previz/camera");
        }
        renderEveryFrame(Previz.of(read.production()).shot("1/1", 1).orElseThrow());
    }

    @Test
    void aZeroDurationShotIsASchemaErrorAndStillRendersOneFrame() {
        Path film = TestFilm.write(dir, Shots.scene("[3, 4]", 180,
                Shots.shot("1", "{ at: [3, 0.5], height: 1.6, lens: 35, look_at: MARA }", "", 0)), 24, 64, 36);
        List<Diagnostic> found = Checker.check(TestFilm.read(film));
        assertThat(found).extracting(d -> d.rule().id()).contains("schema/field");

        // The reader drops such a shot; a caller that builds one anyway still gets a frame.
        Path ok = TestFilm.write(dir.resolve("ok"), Shots.scene("[3, 4]", 180,
                Shots.shot("1", "{ at: [3, 0.5], height: 1.6, lens: 35, look_at: MARA }", "", 1)), 24, 64, 36);
        Production p = TestFilm.read(ok).production();
        Shot s = p.shots().get(0);
        Shot zero = new Shot(s.scene(), s.id(), s.framing(), s.subjects(), s.camera(), s.move(), 0, s.action(), s.lines(),
                s.blocking(), s.events(), s.takes(), s.seed(), s.crossesLine(), s.where());
        ScenePlan plan = p.scenes().get(0);
        ScenePlan zeroPlan = new ScenePlan(plan.file(), plan.scene(), plan.continues(), plan.location(), plan.time(),
                plan.axis(), plan.cast(), List.of(zero), plan.where());
        Production zp = new Production(p.root(), p.manifest(), p.screenplay(), p.bible(), List.of(zeroPlan), p.rights());
        PrevizShot shot = new PrevizShot("t", zeroPlan, Continuity.of(zp).shot("1/1").orElseThrow(), zp.bible(),
                zp.manifest().format(), 1, 1);
        assertThat(shot.frames()).isEqualTo(1);
        renderEveryFrame(shot);
    }

    private static void renderEveryFrame(PrevizShot shot) {
        for (int i = 0; i < shot.frames(); i++) {
            BufferedImage picture = shot.picture(i, BurnIn.SHOT);
            BufferedImage depth = shot.depth(i);
            assertThat(picture.getWidth()).isEqualTo(64);
            assertThat(depth.getHeight()).isEqualTo(36);
        }
    }
}
