package film.slate.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.fixture.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML reader is total: whatever the bytes, it returns a tree or nothing, with every fault a
 * {@code syntax/yaml} diagnostic in the file it read; never an exception, never a hang.
 */
class YamlReaderTotalityTest {
    /** Only catches a hang: a quadratic or exponential pass over these inputs takes hours, and a fixed
     *  budget near the normal time failed on a loaded machine (a test asserts behaviour, not speed). */
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    static final int BATCH = 500;

    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "examples", "lighthouse"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        FixtureProduction.base().files().forEach((name, bytes) -> seeds.add(bytes));
        return seeds;
    }

    /** Batches of seeded inputs: batch {@code b} uses seed {@code b}, so a failure names its batch to rerun. */
    static IntStream batches() {
        return IntStream.range(0, Math.max(1, Mutations.trials(3000) / BATCH));
    }

    @ParameterizedTest(name = "batch {0}")
    @MethodSource("batches")
    void anyBytesGiveATreeOrDiagnostics(int batch) throws IOException {
        List<byte[]> seeds = seeds();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random r = new Random(0x5EED_0000L + batch);
            for (int i = 0; i < BATCH; i++) {
                byte[] input = Mutations.any(r, seeds);
                Diagnostics d = new Diagnostics();
                Optional<YamlNode> tree;
                try {
                    tree = YamlReader.read("in.yaml", input, d);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("batch " + batch + ", input " + i + " threw: " + e, e);
                }
                List<Diagnostic> found = d.sorted();
                assertThat(found).allSatisfy(x -> {
                    assertThat(x.rule()).isEqualTo(Rule.SYNTAX_YAML);
                    assertThat(x.position().file()).isEqualTo("in.yaml");
                    assertThat(x.message()).isNotBlank();
                });
                if (tree.isPresent()) {
                    // A tree comes with no fault but one: a second document, reported and left unread.
                    assertThat(found).as("faults that came with a tree")
                            .allSatisfy(x -> assertThat(x.message()).startsWith("only one YAML document"));
                }
            }
        });
    }

    @Test
    void anAliasBombStaysSmallAndFast() {
        String bomb = new String(Mutations.aliasBomb(new Random(9)), java.nio.charset.StandardCharsets.UTF_8);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Diagnostics d = new Diagnostics();
            YamlReader.read("bomb.yaml", bomb.getBytes(java.nio.charset.StandardCharsets.UTF_8), d);
        });
    }

    @Test
    void nestingPastTheLimitIsOneDiagnostic() {
        Diagnostics d = new Diagnostics();
        assertThat(YamlReader.read("deep.yaml", "[".repeat(100_000).getBytes(java.nio.charset.StandardCharsets.UTF_8), d))
                .isEmpty();
        assertThat(d.sorted()).singleElement().satisfies(x -> assertThat(x.rule()).isEqualTo(Rule.SYNTAX_YAML));
    }

    @Test
    void emptyDocumentsAreEmptyWithoutFaults() {
        for (String empty : new String[] {"", "\n", "# nothing\n", "\uFEFF", "  \n\n"}) {
            Diagnostics d = new Diagnostics();
            assertThat(YamlReader.read("e.yaml", empty.getBytes(java.nio.charset.StandardCharsets.UTF_8), d)).isEmpty();
            assertThat(d.sorted()).as("'%s'", empty).isEmpty();
        }
    }
}
