package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.FarmTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** slate.yaml's farm: (issue 17) checked with the manifest at file:line, and read on its own by the farm's processes. */
class FarmTimingTest {
    @TempDir
    Path dir;

    private List<Diagnostic> check(String farm) throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n" + farm);
        return ProductionReader.read(dir).diagnostics().stream().filter(d -> d.rule() == Rule.SCHEMA_FIELD).toList();
    }

    @Test
    void theFieldsAreSecondsAndAbsentOnesAreTheDefaults() throws Exception {
        assertThat(check("farm:\n  dead_after: 8\n  poll: 0.25\n  outage: 300\n")).isEmpty();
        FarmTiming t = FarmTimingReader.read(dir);
        assertThat(t.deadAfter()).hasValue(8);
        assertThat(t.poll()).hasValue(0.25);
        assertThat(t.outage()).hasValue(300);
        assertThat(check("")).isEmpty();
        assertThat(FarmTimingReader.read(dir).deadAfter()).isEmpty();
        assertThat(FarmTimingReader.read(dir.resolve("nowhere")).outage()).isEmpty(); // no slate.yaml at all
    }

    /** Each fault is one sentence at the line of the field; the farm's processes refuse with the same sentence. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dead_after: 0|4|outside 0.1 to 86400",
        "dead_after: soon|4|a number",
        "poll: 120|4|outside",
        "outage: -1|4|outside",
        "dead_afte: 8|4|did you mean 'dead_after'?"})
    void faultsAreReportedAtTheirLine(String line, int lineNumber, String says) throws Exception {
        assertThat(check("farm:\n  " + line + "\n")).singleElement().satisfies(d -> {
            assertThat(d.position().file()).isEqualTo("slate.yaml");
            assertThat(d.position().line()).isEqualTo(lineNumber);
            assertThat(d.message()).contains(says);
        });
        assertThatThrownBy(() -> FarmTimingReader.read(dir)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("slate.yaml:" + lineNumber + ":").hasMessageContaining(says);
    }
}
