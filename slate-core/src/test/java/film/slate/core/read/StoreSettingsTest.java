package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** slate.yaml's store: read with the manifest (faults at file:line for slate check) and on its own. */
class StoreSettingsTest {
    @TempDir
    Path dir;

    private Path production(String store) throws IOException {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n" + store);
        return dir;
    }

    private List<Diagnostic> check(String store) throws Exception {
        return ProductionReader.read(production(store)).diagnostics().stream()
                .filter(d -> d.rule() == Rule.SCHEMA_FIELD).toList();
    }

    @Test
    void theFieldsAreReadIntoTheManifest() throws Exception {
        production("store:\n  database: postgresql://db.studio:5432/feature\n  user: slate\n"
                + "  password_env: STUDIO_DB_PASSWORD\n  objects: /mnt/shared/slate/objects\n");
        StoreSettings s = ProductionReader.read(dir).production().manifest().store();
        assertThat(s.database()).contains("postgresql://db.studio:5432/feature");
        assertThat(s.user()).contains("slate");
        assertThat(s.passwordEnv()).contains("STUDIO_DB_PASSWORD");
        assertThat(s.objects()).contains("/mnt/shared/slate/objects");
        assertThat(StoreSettingsReader.read(dir)).isEqualTo(s);
        assertThat(check("")).isEmpty();
    }

    @Test
    void withoutStoreTheDefaultIsTheEmbeddedOne() throws Exception {
        StoreSettings s = StoreSettingsReader.read(production(""));
        assertThat(s.database()).isEmpty();
        assertThat(s.objects()).isEmpty();
        assertThat(StoreSettingsReader.read(dir.resolve("nowhere")).database()).isEmpty(); // no slate.yaml at all
    }

    /** Each fault is one sentence at the line of the field; the store refuses to open with the same sentence. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "database: mysql://db/x|4|postgresql://HOST:PORT/DB",
        "database: postgresql://slate:hunter2@db:5432/x|4|'user'",
        "database: postgresql://db/x?password=hunter2|4|'password_env'",
        "password: hunter2|4|environment variable",
        "password_env: hunter 2|4|names an environment variable",
        "objects: \"\"|4|is empty",
        "databse: postgresql://db/x|4|did you mean 'database'?"})
    void faultsAreReportedAtTheirLine(String line, int lineNumber, String says) throws Exception {
        List<Diagnostic> found = check("store:\n  " + line + "\n");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.position().file()).isEqualTo("slate.yaml");
            assertThat(d.position().line()).isEqualTo(lineNumber);
            assertThat(d.message()).contains(says).doesNotContain("hunter2");
        });
        assertThatThrownBy(() -> StoreSettingsReader.read(dir)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("slate.yaml:" + lineNumber + ":").hasMessageContaining(says);
    }

    @Test
    void aStoreThatIsNotAMappingIsOneFault() throws Exception {
        assertThat(check("store: postgresql://db/x\n")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("mapping"));
        assertThatThrownBy(() -> StoreSettingsReader.read(dir)).hasMessageStartingWith("slate.yaml:3:");
        assertThat(check("store: {}\n")).isEmpty(); // an empty mapping: the default
        assertThat(StoreSettingsReader.read(dir).database()).isEqualTo(Optional.empty());
    }
}
