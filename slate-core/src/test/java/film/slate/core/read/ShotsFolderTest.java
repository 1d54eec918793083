package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code shots} path that is a file is an error with a sentence; a production without one simply has no shots. */
class ShotsFolderTest {
    @TempDir
    Path dir;

    @Test
    void aShotsFileIsAnErrorNotAnAbsentFolder() throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        assertThat(ProductionReader.read(dir).diagnostics()).noneMatch(Diagnostic::isError);
        Files.writeString(dir.resolve("shots"), "scene: 1\n");
        assertThat(ProductionReader.read(dir).diagnostics()).filteredOn(Diagnostic::isError).singleElement()
                .satisfies(d -> {
                    assertThat(d.position().file()).isEqualTo("shots");
                    assertThat(d.message()).contains("shots is a file").contains("folder");
                });
    }
}
