package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fixture.FixtureProduction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed shots files (src/test/resources/malformed), each with its expected finding
 * in its first line ({@code # expect: RULE LINE}, line 0 for the file as a whole). Each is dropped
 * into a clean production as shots/001.yaml and must give that finding at that line.
 */
class MalformedCorpusTest {
    /** Only catches a hang: a quadratic or exponential pass over these inputs takes hours, and a fixed
     *  budget near the normal time failed on a loaded machine (a test asserts behaviour, not speed). */
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    private static final Pattern EXPECT = Pattern.compile("# expect: (\\S+) (\\d+)");

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(MalformedCorpusTest.class.getResource("/malformed")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void givesItsDiagnostic(Path file, @TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.ISO_8859_1);
        Matcher m = EXPECT.matcher(head);
        assertThat(m.lookingAt()).as("%s starts with '# expect: RULE LINE'", file.getFileName()).isTrue();
        String rule = m.group(1);
        int line = Integer.parseInt(m.group(2));
        Path root = FixtureProduction.base().put(FixtureProduction.SHOTS, bytes).writeTo(dir);
        List<Diagnostic> found = assertTimeoutPreemptively(HANG_GUARD,
                () -> Checker.check(ProductionReader.read(root)));
        assertThat(found).as("findings for %s", file.getFileName()).anySatisfy(d -> {
            assertThat(d.rule().id()).isEqualTo(rule);
            assertThat(d.position().file()).isEqualTo(FixtureProduction.SHOTS);
            assertThat(d.position().line()).isEqualTo(line);
        });
    }
}
