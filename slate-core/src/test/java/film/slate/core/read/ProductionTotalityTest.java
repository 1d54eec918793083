package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fixture.Mutations;
import film.slate.core.report.DiagnosticReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading and checking a production is total: the example with one to three of its files
 * mutated, replaced by hostile bytes, deleted or turned into folders always gives diagnostics
 * (and reports in every format), never an exception or a hang.
 */
class ProductionTotalityTest {
    /** Only catches a hang: a quadratic or exponential pass over these inputs takes hours, and a fixed
     *  budget near the normal time failed on a loaded machine (a test asserts behaviour, not speed). */
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    static final int BATCH = 50;
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");

    static Map<String, byte[]> example() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(EXAMPLE.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static IntStream batches() {
        return IntStream.range(0, Math.max(1, Mutations.trials(300) / BATCH));
    }

    @ParameterizedTest(name = "batch {0}")
    @MethodSource("batches")
    void mutatedProductionsGiveDiagnostics(int batch, @TempDir Path dir) throws IOException {
        Map<String, byte[]> example = example();
        List<String> names = new ArrayList<>(example.keySet());
        List<byte[]> seeds = new ArrayList<>(example.values());
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random r = new Random(0xF11A_0000L + batch);
            for (int i = 0; i < BATCH; i++) {
                Path root = dir.resolve("p" + i);
                Map<String, byte[]> files = new LinkedHashMap<>(example);
                List<String> folders = new ArrayList<>();
                StringBuilder what = new StringBuilder();
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    String name = names.get(r.nextInt(names.size()));
                    if (folders.contains(name)) {
                        continue;
                    }
                    int how = r.nextInt(10);
                    if (how == 0 && !name.equals("slate.yaml")) {
                        files.remove(name);
                        what.append(" deleted ").append(name);
                    } else if (how == 1 && !name.equals("slate.yaml")) {
                        files.remove(name);
                        folders.add(name);
                        what.append(" folder at ").append(name);
                    } else {
                        byte[] own = files.getOrDefault(name, example.get(name));
                        files.put(name, Mutations.any(r, r.nextBoolean() ? List.of(own) : seeds));
                        what.append(" mutated ").append(name);
                    }
                }
                for (Map.Entry<String, byte[]> e : files.entrySet()) {
                    Path p = root.resolve(e.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.getValue());
                }
                for (String f : folders) {
                    Files.createDirectories(root.resolve(f));
                }
                List<Diagnostic> found;
                try {
                    found = Checker.check(ProductionReader.read(root));
                    DiagnosticReport report = new DiagnosticReport(found);
                    report.text();
                    report.json();
                    report.sarif("test");
                } catch (NotAProductionException | RuntimeException | StackOverflowError e) {
                    throw new AssertionError("batch " + batch + ", production " + i + " (" + what.toString().strip()
                            + ") threw: " + e, e);
                }
                assertThat(found).allSatisfy(d -> {
                    assertThat(d.message()).isNotBlank();
                    assertThat(d.position().file()).isNotBlank().doesNotStartWith("/");
                });
            }
        });
    }
}
