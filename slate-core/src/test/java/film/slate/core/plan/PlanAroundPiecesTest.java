package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Severity;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.model.Production;
import film.slate.core.model.SetPiece;
import film.slate.core.read.ProductionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scene planned from the screenplay alone in an 8 x 8 m room with a solid piece in it (a pillar, a
 * cabinet, the lighthouse's tower): the default marks stand off the piece, no camera stands on it
 * or looks through it, and the plan checks clean (or, when no view is clear, the refusal says a
 * piece may be in the way). Seeded: the piece's size, height and place, up to the middle of the
 * room where the default marks would stand.
 */
class PlanAroundPiecesTest {
    static LongStream seeds() {
        return LongStream.range(0, 10L * Integer.getInteger("slate.trials", 1)).map(i -> 0x91A40000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPlanStandsAndLooksAroundTheSet(long seed, @TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String piece = String.format(Locale.ROOT, "{ at: [%.2f, %.2f], size: [%.2f, %.2f], height: %.2f, facing: %d }",
                3 + r.nextDouble() * 2, 3 + r.nextDouble() * 2, 0.4 + r.nextDouble() * 1.6, 0.4 + r.nextDouble() * 1.6,
                1.0 + r.nextDouble() * 2.0, r.nextInt(90));
        FixtureProduction.base()
                .replace(FixtureProduction.LOCATIONS, "size: [6, 6]", "size: [8, 8]")
                .append(FixtureProduction.LOCATIONS, "  set: { PILLAR: " + piece + " }\n")
                .put(FixtureProduction.SHOTS, "scene: 1\nlocation: ROOM\ntime: DAY\nshots: []\n")
                .writeTo(dir);
        Production p = ProductionReader.read(dir).production();
        SetPiece pillar = p.bible().locations().get("ROOM").piece("PILLAR").orElseThrow();
        SceneSetup.of(p, "1").cast().values()
                .forEach(m -> assertThat(pillar.covers(m.at())).as("seed %x: %s's mark", seed, m.character()).isFalse());
        Plan plan;
        try {
            plan = ScenePlanner.plan(p, "1", new ScenePlanner.Options(PlanStyle.CLASSIC, OptionalInt.empty()));
        } catch (PlanProblem refused) { // a small room may leave no clear view: then the sentence says why
            assertThat(refused.getMessage()).as("seed %x", seed).contains("someone or a piece of the set stands between the lens");
            return;
        }
        Files.writeString(dir.resolve(FixtureProduction.SHOTS), plan.yaml());
        List<Diagnostic> found = Checker.check(ProductionReader.read(dir));
        assertThat(found).filteredOn(d -> d.severity() != Severity.INFO).as("seed %x: %s", seed, piece).isEmpty();
    }
}
