package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scan keeps a small file's last hash only when nothing touched the file since that scan; a
 * change that keeps the size and sets the modification time back is still found. The times here
 * are the file system's own (a status-change time cannot be set), so the scans are placed around them.
 */
class InputFilesTest {
    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return IntStream.range(0, 8).mapToObj(i -> 7_919L * (i + 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aSmallFileUntouchedSinceTheLastScanKeepsItsHashAndATouchedOneIsHashedAgain(long seed) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve("shots").resolve(String.format("%03d.yaml", 1 + random.nextInt(120)));
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[1 + random.nextInt(64 * 1024)];
        random.nextBytes(bytes);
        Files.write(file, bytes);
        long modified = 1_000_000L * (1 + random.nextInt(1_000)); // long ago: never racy
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        String name = dir.relativize(file).toString().replace('\\', '/');
        // What the last scan found, as a stand-in hash: kept only when the scan does not read the file.
        InputFiles known = new InputFiles(Map.of(name, new InputFiles.Stamp("feed", bytes.length, modified)));
        String real = Sha256.hex(bytes);

        long now = System.currentTimeMillis();
        // The last scan ran well after everything done to the file: its hash stands.
        assertThat(InputFiles.scan(dir, known, now + 60_000).sha256(name)).isEqualTo("feed");
        // The last scan ran before the file was written (same size, same time set back): hashed again.
        assertThat(InputFiles.scan(dir, known, now - 60_000).sha256(name)).isEqualTo(real);
        // A known stamp of another size or time is never trusted.
        InputFiles otherTime = new InputFiles(Map.of(name, new InputFiles.Stamp("feed", bytes.length, modified + 1)));
        assertThat(InputFiles.scan(dir, otherTime, now + 60_000).sha256(name)).isEqualTo(real);
        InputFiles otherSize = new InputFiles(Map.of(name, new InputFiles.Stamp("feed", bytes.length + 1, modified)));
        assertThat(InputFiles.scan(dir, otherSize, now + 60_000).sha256(name)).isEqualTo(real);
        // A file that could not be read last time is read again.
        InputFiles unreadable = new InputFiles(Map.of(name, new InputFiles.Stamp("unreadable", bytes.length, modified)));
        assertThat(InputFiles.scan(dir, unreadable, now + 60_000).sha256(name)).isEqualTo(real);
    }
}
