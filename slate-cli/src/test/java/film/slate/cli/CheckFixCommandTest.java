package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes through {@code slate check}: shown under the finding, carried in SARIF, applied by --fix once. */
class CheckFixCommandTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");

    Path film;

    @BeforeEach
    void copyTheExampleAndBreakTwoShots(@TempDir Path dir) throws IOException {
        film = dir.resolve("lighthouse");
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : walk.toList()) {
                Path to = film.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path shots = film.resolve("shots/002.yaml");
        String text = Files.readString(shots);
        assertThat(text).contains(CheckCommandTest.GOOD_2E);
        Files.writeString(shots, text.replace(CheckCommandTest.GOOD_2E, CheckCommandTest.CROSSED_2E));
    }

    @Test
    void textShowsTheFixUnderTheErrorAndSarifCarriesIt() throws IOException {
        Slate.Run text = Slate.inProcess("check", film.toString());
        assertThat(text.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(text.out()).containsPattern("error grammar/180: [^\\n]*\\n    fix: move the camera of shot 2/2E across");
        Slate.Run sarif = Slate.inProcess("check", film.toString(), "--format", "sarif");
        JsonNode result = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
        JsonNode change = result.get("fixes").get(0).get("artifactChanges").get(0);
        assertThat(change.get("artifactLocation").get("uri").asText()).isEqualTo("shots/002.yaml");
        JsonNode replacement = change.get("replacements").get(0);
        int line = replacement.get("deletedRegion").get("startLine").asInt();
        int from = replacement.get("deletedRegion").get("startColumn").asInt();
        int to = replacement.get("deletedRegion").get("endColumn").asInt();
        String original = Files.readAllLines(film.resolve("shots/002.yaml")).get(line - 1);
        assertThat(original.substring(from - 1, to - 1)).isEqualTo(CheckCommandTest.CROSSED_2E.substring(4));
        assertThat(replacement.get("insertedContent").get("text").asText()).matches("\\[3\\.\\d+, 2\\.\\d+\\]");
    }

    @Test
    void fixAppliesOnceAndTheSecondRunChangesNothing() throws IOException {
        Slate.Run first = Slate.inProcess("check", film.toString(), "--fix");
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.err()).contains("applied 1 fix to 1 file");
        assertThat(first.out()).startsWith("0 errors, 0 warnings");
        String once = Files.readString(film.resolve("shots/002.yaml"));
        Slate.Run second = Slate.inProcess("check", film.toString(), "--fix");
        assertThat(second.code()).isZero();
        assertThat(second.err()).doesNotContain("applied");
        assertThat(Files.readString(film.resolve("shots/002.yaml"))).isEqualTo(once);
        assertThat(Files.readString(film.resolve("shots/002.yaml")).lines().filter(l -> l.contains("#")).count())
                .isEqualTo(Files.readString(EXAMPLE.resolve("shots/002.yaml")).lines().filter(l -> l.contains("#")).count());
    }
}
