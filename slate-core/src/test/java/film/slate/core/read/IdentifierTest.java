package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scene numbers and shot ids become selectors, file names and recipe keys, so the reader keeps them plain. */
class IdentifierTest {
    @TempDir
    Path dir;

    private List<Diagnostic> read(String scene, String shot) throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: \"" + scene + "\"\nlocation: ROOM\nshots:\n"
                + "  - { id: \"" + shot + "\", framing: WS, camera: { at: [0, 0], lens: 35, look_at: [0, 5] }, duration: 2 }\n");
        return ProductionReader.read(dir).diagnostics().stream().filter(d -> d.rule() == Rule.SCHEMA_FIELD).toList();
    }

    @ParameterizedTest
    @CsvSource({"1, 1A, true", "12A, 1A.2, true", "I-1-A, 3_b, true", "1, '1A,X', false", "1, *, false",
        "1, B/../x, false", "1/2, 1A, false", "1, 0123456789012345678901234567890123, false", "' ', 1A, false"})
    void onlyPlainIdsPass(String scene, String shot, boolean ok) throws Exception {
        List<Diagnostic> found = read(scene, shot);
        if (ok) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).isNotEmpty().allSatisfy(d -> assertThat(d.position().file()).isEqualTo("shots/001.yaml"));
        }
    }
}
