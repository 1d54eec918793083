package film.slate.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A prop put down where the action says ("leaves it on the rail", "at the range") rests there:
     * on the top of a piece the action names, as the rules see it ({@link Sight#prop}) and the
     * floor plan names it. "On the" names a piece the set must have.
     */
    @Test
    void aPropPutDownRestsOnThePieceTheActionNames() throws Exception {
        Production p = read().production();
        Continuity continuity = Continuity.of(p);
        int count = 0;
        for (Shot shot : p.shots()) {
            ShotState state = continuity.shot(shot.fullId()).orElseThrow();
            String action = shot.action().toLowerCase(Locale.ROOT);
            Matcher on = Pattern.compile("\\bon the (\\w+)").matcher(action);
            List<SetPiece> named = state.pieces().stream()
                    .filter(piece -> Pattern.compile("\\b" + piece.id().toLowerCase(Locale.ROOT) + "\\b").matcher(action).find())
                    .toList();
            for (ShotEvent e : shot.events()) {
                Point spot = state.setEnd().get(e.object());
                if (e.kind() != ShotEvent.Kind.PUTS_DOWN || spot == null) {
                    continue; // still in hand, or handed over
                }
                while (on.find()) {
                    assertThat(named).as("%s: '%s' names a piece of the set", shot.fullId(), on.group())
                            .anyMatch(piece -> piece.id().equalsIgnoreCase(on.group(1)));
                }
                if (named.isEmpty()) {
                    continue;
                }
                Vec3 rest = new Sight(new Staging(state, p.bible()), 0.5625).prop(e.object(), 1).orElseThrow();
                Optional<SetPiece> under = SetPiece.under(state.pieces(), spot, Sight.PROP_SIZE / 2, 0);
                assertThat(under).as("%s: %s, where '%s' says", shot.fullId(), e.object(), shot.action()).isPresent();
                assertThat(named).as(shot.fullId()).contains(under.get());
                assertThat(rest.z()).as(shot.fullId()).isCloseTo(under.get().height() + Sight.PROP_SIZE / 2, within(1e-9));
                count++;
            }
        }
        assertThat(count).as("put-downs whose action says where").isGreaterThanOrEqualTo(3);
    }

    /**
     * A prop picked up from where it rests lies within an arm's length and a lean of the one who
     * picks it up ("sets the mug down in front of him"; he takes it in the next shot), as previz
     * stages it at the moment it changes hands.
     */
    @Test
    void aPropPickedUpFromTheSetIsWithinReach() throws Exception {
        Production p = read().production();
        Continuity continuity = Continuity.of(p);
        int count = 0;
        for (Shot shot : p.shots()) {
            ShotState state = continuity.shot(shot.fullId()).orElseThrow();
            for (ShotEvent e : shot.events()) {
                Point rest = state.setStart().get(e.object());
                if (e.kind() != ShotEvent.Kind.PICKS_UP || rest == null) {
                    continue; // handed over in this shot, or lying ready beside them
                }
                Point at = new Staging(state, p.bible()).position(e.character(), Sight.EVENT_TIME).orElseThrow();
                assertThat(at.distance(rest)).as("%s: %s at %s, %s at %s", shot.fullId(), e.character(), at, e.object(), rest)
                        .isLessThanOrEqualTo(ARM);
                count++;
            }
        }
        assertThat(count).as("props picked up from the set").isPositive();
    }

    /** How far from their mark someone reaches for a prop: an arm's length and a lean. */
    static final double ARM = 0.7;

    /** How far past the frame edge a secondary subject's eyes may be (a shoulder in the foreground). */
    static final double EDGE = 1.3;
}
