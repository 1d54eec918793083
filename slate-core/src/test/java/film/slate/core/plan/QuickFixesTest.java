package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.report.DiagnosticReport;
import film.slate.core.report.QuickFix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every quick fix, applied, clears the finding it was made for and brings no new error; applying
 * the fixes again changes nothing; lines without an edit keep their bytes. On hand-made fixtures
 * and on the example broken at random ({@code -Dslate.fix.trials=N}, default 10).
 */
class QuickFixesTest {
    static final int TRIALS = Integer.getInteger("slate.fix.trials", 10);

    static List<Diagnostic> check(Path dir) {
        return Checker.check(read(dir));
    }

    static ReadProduction read(Path dir) {
        try {
            return ProductionReader.read(dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> text(Path dir, String file) {
        try {
            return Optional.of(Files.readString(dir.resolve(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Applies every fix once, as --fix does; returns how many fixes there were. */
    static int fix(Path dir) {
        ReadProduction read = read(dir);
        Map<Diagnostic, QuickFix> fixes = QuickFixes.of(read.production(), Checker.check(read), f -> text(dir, f));
        Map<String, String> before = new LinkedHashMap<>();
        fixes.values().forEach(f -> f.edits().forEach(e -> before.put(e.file(), text(dir, e.file()).orElseThrow())));
        Repairs.apply(before, fixes.values()).forEach((file, t) -> {
            try {
                Files.writeString(dir.resolve(file), t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return fixes.size();
    }

    static Stream<Object[]> fixtures() {
        return Stream.of(
                new Object[] {Rule.TIMING_DIALOGUE, (UnaryOperator<FixtureProduction>) p -> p.replace(
                        FixtureProduction.SHOTS, "duration: 4", "duration: 1   # too short")},
                new Object[] {Rule.GRAMMAR_180, (UnaryOperator<FixtureProduction>) p -> p.replace(FixtureProduction.SHOTS,
                        "at: [2.8, 2.2]", "at: [2.8, 3.8]")},
                new Object[] {Rule.GRAMMAR_30_DEGREE, (UnaryOperator<FixtureProduction>) p -> p.append(FixtureProduction.SHOTS,
                        "  - id: C\n    framing: MCU\n    subjects: [BEN]\n"
                                + "    camera: { at: [3.0, 2.0], lens: 50, look_at: BEN }   # keep me\n    duration: 2\n")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aFixClearsItsFindingOnceAndForAll(Rule rule, UnaryOperator<FixtureProduction> breakIt, @TempDir Path dir)
            throws Exception {
        breakIt.apply(FixtureProduction.base()).writeTo(dir);
        List<Diagnostic> before = check(dir);
        assertThat(before).anyMatch(d -> d.rule() == rule);
        String sarif = new DiagnosticReport(before, QuickFixes.of(read(dir).production(), before, f -> text(dir, f)))
                .sarif("test");
        assertThat(sarif).contains("\"fixes\"").contains("deletedRegion").contains("insertedContent");
        List<String> linesBefore = Files.readAllLines(dir.resolve(FixtureProduction.SHOTS));
        assertThat(fix(dir)).isPositive();
        List<Diagnostic> after = check(dir);
        assertThat(after).noneMatch(d -> d.rule() == rule);
        assertThat(after.stream().filter(Diagnostic::isError).toList()).isSubsetOf(before);
        List<String> linesAfter = Files.readAllLines(dir.resolve(FixtureProduction.SHOTS));
        assertThat(linesAfter).hasSameSizeAs(linesBefore);
        int changed = 0;
        for (int i = 0; i < linesBefore.size(); i++) {
            if (!linesBefore.get(i).equals(linesAfter.get(i))) {
                changed++;
                String comment = linesBefore.get(i).contains("#") ? linesBefore.get(i).substring(linesBefore.get(i).indexOf('#')) : "";
                assertThat(linesAfter.get(i)).endsWith(comment);
            }
        }
        assertThat(changed).isEqualTo(1);
        String once = Files.readString(dir.resolve(FixtureProduction.SHOTS));
        assertThat(fix(dir)).isZero();
        assertThat(Files.readString(dir.resolve(FixtureProduction.SHOTS))).isEqualTo(once);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, TRIALS).mapToObj(i -> 77 + i * 104729L);
    }

    /** The example with one shot broken at random: too short for its lines, or its camera across the line. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fixesRepairTheExampleBrokenAtRandom(long seed, @TempDir Path dir) throws Exception {
        ExamplePlanTest.copy(ExamplePlanTest.EXAMPLE, dir);
        Random r = new Random(seed);
        var production = read(dir).production();
        var scene = production.scenes().get(r.nextInt(production.scenes().size()));
        var shot = scene.shots().get(1 + r.nextInt(scene.shots().size() - 1));
        Path file = dir.resolve(scene.file());
        List<String> lines = Files.readAllLines(file);
        if (!shot.lines().isEmpty() && r.nextBoolean()) {
            int at = shot.where().at("duration").line() - 1;
            lines.set(at, lines.get(at).replaceFirst("duration: [0-9.]+", "duration: 0.5"));
        } else {
            int at = shot.camera().where().at("at").line() - 1;
            var line = ActionLineProbe.across(production, shot);
            lines.set(at, lines.get(at).replaceFirst("at: \\[[^]]*\\]", "at: " + line));
        }
        Files.write(file, lines);
        List<Diagnostic> before = check(dir);
        fix(dir);
        List<Diagnostic> after = check(dir);
        assertThat(after).as("after the fixes of %s", before).noneMatch(d -> d.rule() == Rule.TIMING_DIALOGUE
                || d.rule() == Rule.GRAMMAR_180);
        assertThat(after.stream().filter(Diagnostic::isError).toList()).isSubsetOf(before);
        String once = Files.readString(file);
        fix(dir);
        assertThat(Files.readString(file)).isEqualTo(once);
    }

    @Test
    void theExampleNeedsNoFix(@TempDir Path dir) throws Exception {
        ExamplePlanTest.copy(ExamplePlanTest.EXAMPLE, dir);
        assertThat(fix(dir)).isZero();
    }
}
