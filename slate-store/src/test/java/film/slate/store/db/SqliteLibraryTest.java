package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library is extracted once into the user's own folder and found there by later
 * starts, whole even when several processes start together, and never into a folder others may write.
 */
class SqliteLibraryTest {
    @TempDir
    Path home;

    private static byte[] driversLibrary() throws Exception {
        try (InputStream in = SqliteLibraryTest.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            return in.readAllBytes();
        }
    }

    @Test
    void isExtractedOnceAndFoundByLaterStarts() throws Exception {
        Path dir = home.resolve(".cache/slate/sqlite");
        Path lib = SqliteLibrary.kept(dir, home).orElseThrow();
        assertThat(lib.getParent()).isEqualTo(dir);
        assertThat(lib.getFileName().toString()).startsWith("libsqlitejdbc-" + driversLibrary().length + "-");
        assertThat(Files.readAllBytes(lib)).isEqualTo(driversLibrary());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Object file = Files.readAttributes(lib, "unix:ino").get("ino");
        var modified = Files.getLastModifiedTime(lib);

        assertThat(SqliteLibrary.kept(dir, home)).contains(lib);
        assertThat(Files.readAttributes(lib, "unix:ino").get("ino")).as("the same file, not a new copy").isEqualTo(file);
        assertThat(Files.getLastModifiedTime(lib)).isEqualTo(modified);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(lib);
        }
    }

    @Test
    void aCutShortCopyIsReplaced() throws Exception {
        Path dir = home.resolve("cache");
        Path lib = SqliteLibrary.kept(dir, home).orElseThrow();
        Files.write(lib, new byte[100]);
        assertThat(SqliteLibrary.kept(dir, home)).contains(lib);
        assertThat(Files.readAllBytes(lib)).isEqualTo(driversLibrary());
    }

    @Test
    void processesStartingTogetherEachGetAWholeFile() throws Exception {
        Path dir = home.resolve("together");
        int starts = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        try {
            List<Future<Optional<Path>>> found = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                found.add(pool.submit(() -> {
                    go.await();
                    Optional<Path> lib = SqliteLibrary.kept(dir, home);
                    assertThat(Files.readAllBytes(lib.orElseThrow())).isEqualTo(driversLibrary());
                    return lib;
                }));
            }
            go.countDown();
            Path first = found.get(0).get().orElseThrow();
            for (var f : found) {
                assertThat(f.get()).contains(first);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).as("no part file left").hasSize(1);
        }
    }

    @Test
    void aFolderOthersMayWriteToIsNotUsed() throws Exception {
        Path dir = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(SqliteLibrary.kept(dir, home)).isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).as("nothing written there").isEmpty();
        }
    }
}
