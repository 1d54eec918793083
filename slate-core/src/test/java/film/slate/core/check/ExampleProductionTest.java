package film.slate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Framing;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bundled example, {@code examples/lighthouse}: clean under every rule, the size the issue
 * asks for, and staged so that the camera really sees what each shot is about.
 */
class ExampleProductionTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");

    static ReadProduction read() throws Exception {
        return ProductionReader.read(EXAMPLE);
    }

    @Test
    void checksWithoutErrorsOrWarnings() throws Exception {
        List<Diagnostic> diagnostics = Checker.check(read());
        assertThat(diagnostics).filteredOn(d -> d.severity() != film.slate.core.diagnostic.Severity.INFO)
                .as("findings on the example").isEmpty();
    }

    @Test
    void hasTheShapeOfAShortFilm() throws Exception {
        Production p = read().production();
        assertThat(p.scenes()).hasSizeBetween(4, 6);
        assertThat(p.bible().characters()).hasSizeBetween(2, 3);
        assertThat(p.shots()).hasSizeBetween(25, 40);
        assertThat(p.screenplay()).isPresent();
        assertThat(p.scenes()).allSatisfy(s -> assertThat(s.axis()).as("axis of scene " + s.scene()).isPresent());
    }

    /**
     * The character a shot is about first has their eyes inside the picture, in front of the lens,
     * at its start, middle and end; any other character it names (the shoulder of an over-the-shoulder)
     * is at least at the edge of frame. Inserts are framed by their look-at point and are left out.
     */
    @Test
    void everySubjectIsInFrame() throws Exception {
        Production p = read().production();
        Continuity continuity = Continuity.of(p);
        double aspect = (double) p.manifest().format().height() / p.manifest().format().width();
        List<String> outside = new ArrayList<>();
        for (ScenePlan plan : p.scenes()) {
            for (Shot shot : plan.shots()) {
                if (shot.framing() == Framing.INSERT) {
                    continue;
                }
                ShotState state = continuity.shot(shot.fullId()).orElseThrow();
                Staging staging = new Staging(state, p.bible());
                List<String> people = shot.subjects().stream().filter(p.bible().characters()::containsKey).toList();
                for (int i = 0; i < people.size(); i++) {
                    String subject = people.get(i);
                    double margin = i == 0 ? 1.0 : EDGE;
                    for (double t : new double[] {0, 0.5, 1}) {
                        CameraPose pose = staging.camera(t);
                        Vec3 eyes = staging.eyes(subject, t).orElseThrow(); // where the posture puts them
                        var onScreen = pose.project(eyes);
                        if (onScreen.isEmpty() || Math.abs(onScreen.get().x()) > margin
                                || Math.abs(onScreen.get().y()) > aspect * margin) {
                            outside.add(String.format(Locale.ROOT, "%s: %s at t=%.1f -> %s", shot.fullId(), subject, t,
                                    onScreen.map(Object::toString).orElse("behind the camera")));
                        }
                    }
                }
            }
        }
        assertThat(outside).as("subjects out of frame").isEmpty();
    }

    /** How far past the frame edge a secondary subject's eyes may be (a shoulder in the foreground). */
    static final double EDGE = 1.3;
}
