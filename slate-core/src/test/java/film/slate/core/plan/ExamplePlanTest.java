package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Severity;
import film.slate.core.model.ScenePlan;
import film.slate.core.read.ProductionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every scene of the bundled example, planned afresh in each style, checks clean in place of its own shots. */
class ExamplePlanTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");

    @ParameterizedTest
    @EnumSource(PlanStyle.class)
    void everySceneOfTheExamplePlansClean(PlanStyle style, @TempDir Path dir) throws Exception {
        copy(EXAMPLE, dir);
        var production = ProductionReader.read(dir).production();
        for (ScenePlan scene : production.scenes()) {
            Plan plan = ScenePlanner.plan(production, scene.scene(), new ScenePlanner.Options(style, OptionalInt.empty()));
            Files.writeString(dir.resolve(scene.file()), plan.yaml());
        }
        List<Diagnostic> found = Checker.check(ProductionReader.read(dir));
        assertThat(found).filteredOn(d -> d.severity() != Severity.INFO).as("findings on the planned example").isEmpty();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
