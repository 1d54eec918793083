package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan cache knows the code that compiled its recipes by each jar's table of contents: any
 * change to a class's bytes is a miss, even at the same size; a rebuild of the same classes at
 * another time is a hit.
 */
class CodeFingerprintTest {
    @TempDir
    Path tmp;

    @Test
    void aClassWithOtherBytesOfTheSameSizeChangesTheFingerprint() throws IOException {
        Path a = jar("a.jar", Map.of("film/A.class", "compiled once", "film/B.class", "unchanged"), 1_000);
        Path b = jar("b.jar", Map.of("film/A.class", "compiled twice", "film/B.class", "unchanged"), 1_000);
        Path c = jar("c.jar", Map.of("film/A.class", "compiled Once", "film/B.class", "unchanged"), 1_000);
        assertThat(CachedPlan.contents(a)).isNotEqualTo(CachedPlan.contents(b)).isNotEqualTo(CachedPlan.contents(c));
    }

    @Test
    void theSameClassesBuiltAgainLaterKeepTheFingerprint() throws IOException {
        Path a = jar("a.jar", Map.of("film/A.class", "compiled once"), 1_000);
        Path b = jar("b.jar", Map.of("film/A.class", "compiled once"), 9_000_000);
        assertThat(CachedPlan.contents(a)).isEqualTo(CachedPlan.contents(b));
    }

    @Test
    void slatesOwnCodeHasOneFingerprintPerRun() {
        assertThat(CachedPlan.code()).hasSize(64).isEqualTo(CachedPlan.code());
    }

    private Path jar(String name, Map<String, String> entries, long time) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
