package film.slate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark input must be a production a crew could have written: it checks clean, in full. */
class SyntheticProductionTest {
    @TempDir
    Path dir;

    @Test
    void theSyntheticFeatureChecksCleanAtFullSize() throws Exception {
        SyntheticProduction.feature().write(dir);
        ReadProduction read = ProductionReader.read(dir);
        List<Diagnostic> found = Checker.check(read);
        assertThat(found).isEmpty();
        assertThat(read.production().scenes()).hasSize(120);
        assertThat(read.production().shots()).hasSize(2000);
        assertThat(read.production().bible().characters()).hasSize(40);
        assertThat(read.production().scenes().stream().mapToInt(s -> s.cast().size()).max().orElse(0)).isEqualTo(6);
        assertThat(read.production().scenes()).allMatch(s -> s.shots().stream().anyMatch(shot -> !shot.lines().isEmpty())
                && s.cast().values().stream().anyMatch(m -> !m.holds().isEmpty()));
    }

    @Test
    void itIsTheSameBytesEveryTime() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        new SyntheticProduction(6, 40, 4).write(a);
        new SyntheticProduction(6, 40, 4).write(b);
        for (String f : List.of("screenplay.fountain", "shots/003.yaml", "bible/characters.yaml")) {
            assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }
}
