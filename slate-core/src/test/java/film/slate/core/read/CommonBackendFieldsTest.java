package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Core checks only the fields every backend shares: with no backend types on the class path (core
 * alone), any type and its own fields pass, and a bad common field is still found at its line.
 */
class CommonBackendFieldsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "comfyui   | 'workflow: nowhere.json\nbind: { no: such }\n'",
        "made-up   | 'anything: 1\n'",
        "http-task | 'url: ftp://x\n'",
    })
    void typeSpecificFieldsAreNoConcernOfCore(String type, String settings) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, type, settings.replace("\\n", "\n"));
        assertThat(ProductionReader.read(dir).diagnostics()).noneMatch(Diagnostic::isError);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "concurrency: 0       | 'concurrency' of backend main",
        "cost_per_second: -1  | 'cost_per_second' of backend main",
        "timeout: 0           | 'timeout' of backend main",
    })
    void commonFieldsAreCheckedAtTheirLine(String setting, String message) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "made-up", setting + "\n");
        assertThat(ProductionReader.read(dir).diagnostics()).filteredOn(Diagnostic::isError).singleElement()
                .satisfies(d -> {
                    assertThat(d.position().file() + ":" + d.position().line()).isEqualTo("slate.yaml:10");
                    assertThat(d.message()).contains(message);
                });
    }
}
