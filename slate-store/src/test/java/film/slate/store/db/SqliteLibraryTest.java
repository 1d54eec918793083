package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * SQLite's native library is extracted once into the user's own folder ({@code $XDG_CACHE_HOME},
 * else {@code ~/.cache}) and found there by later starts, whole even when several processes start
 * together, and never into a folder others may write; a new driver's copy prunes the copies of
 * other versions no process has used for a week, and nothing else. Tests keep theirs under target/.
 */
class SqliteLibraryTest {
    /** The clock of these tests: file times are set from it, never read from the wall. */
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

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
        Path lib = SqliteLibrary.kept(dir, home, NOW).orElseThrow();
        assertThat(lib.getParent()).isEqualTo(dir);
        assertThat(lib.getFileName().toString()).startsWith("libsqlitejdbc-" + driversLibrary().length + "-");
        assertThat(Files.readAllBytes(lib)).isEqualTo(driversLibrary());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Object file = Files.readAttributes(lib, "unix:ino").get("ino");
        var modified = Files.getLastModifiedTime(lib);

        assertThat(SqliteLibrary.kept(dir, home, NOW)).contains(lib);
        assertThat(Files.readAttributes(lib, "unix:ino").get("ino")).as("the same file, not a new copy").isEqualTo(file);
        assertThat(Files.getLastModifiedTime(lib)).isEqualTo(modified);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(lib);
        }
    }

    @Test
    void aCutShortCopyIsReplaced() throws Exception {
        Path dir = home.resolve("cache");
        Path lib = SqliteLibrary.kept(dir, home, NOW).orElseThrow();
        Files.write(lib, new byte[100]);
        assertThat(SqliteLibrary.kept(dir, home, NOW)).contains(lib);
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
                    Optional<Path> lib = SqliteLibrary.kept(dir, home, NOW);
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
        assertThat(SqliteLibrary.kept(dir, home, NOW)).isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).as("nothing written there").isEmpty();
        }
    }

    @Test
    void theFolderIsInXdgCacheHomeWhenItIsAnAbsolutePath() {
        assertThat(SqliteLibrary.folder(Map.of("XDG_CACHE_HOME", "/srv/cache"), "/home/mara"))
                .isEqualTo(Path.of("/srv/cache/slate/sqlite"));
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("XDG_CACHE_HOME", ""),
                Map.of("XDG_CACHE_HOME", "relative/cache"))) {
            assertThat(SqliteLibrary.folder(env, "/home/mara")).as("%s", env).isEqualTo(Path.of("/home/mara/.cache/slate/sqlite"));
        }
    }

    /** The poms give every test JVM (and the processes it starts) a cache folder under target/: no test writes into the home folder. */
    @Test
    void testsKeepTheLibraryUnderTarget() throws Exception {
        assertThat(System.getenv("XDG_CACHE_HOME")).as("XDG_CACHE_HOME of the test JVM").isNotNull();
        assertThat(Path.of(System.getenv("XDG_CACHE_HOME")).normalize()).startsWithRaw(Path.of("target").toAbsolutePath());
        Database.probe(home.resolve("probe.db"));
        assertThat(Path.of(System.getProperty("org.sqlite.lib.path")))
                .isEqualTo(SqliteLibrary.folder(System.getenv(), System.getProperty("user.home")));
        assertThat(Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"))).isRegularFile();
    }

    private static Path file(Path dir, String name, Duration age) throws Exception {
        Path f = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(f, FileTime.from(NOW.minus(age)));
        return f;
    }

    @Test
    void aNewDriversCopyPrunesOnlyCopiesOfOtherVersionsUnusedForAWeek() throws Exception {
        Path dir = Files.createDirectories(home.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path unused = file(dir, "libsqlitejdbc-1000-abc123.so", Duration.ofDays(8));
        Path cutShort = file(dir, "part-1234.so", Duration.ofDays(8));
        List<Path> left = List.of(file(dir, "libsqlitejdbc-2000-def456.so", Duration.ofDays(6)), // another version, in use
                file(dir, "part-5678.so", Duration.ZERO), // an extraction under way
                file(dir, "sqlite-3.46.1.0-5f1e-libsqlitejdbc.so", Duration.ofDays(30)), // the driver's own: its sweep's
                file(dir, "notes.txt", Duration.ofDays(30)));
        Path folderLikeACopy = Files.createDirectories(dir.resolve("libsqlitejdbc-3000-aaa.so"));
        Files.setLastModifiedTime(folderLikeACopy, FileTime.from(NOW.minus(Duration.ofDays(30))));

        Path lib = SqliteLibrary.kept(dir, home, NOW).orElseThrow();

        assertThat(unused).doesNotExist();
        assertThat(cutShort).doesNotExist();
        assertThat(left).allSatisfy(f -> assertThat(f).exists());
        assertThat(folderLikeACopy).isDirectory();
        assertThat(Files.readAllBytes(lib)).isEqualTo(driversLibrary());
    }

    @Test
    void onlyANewCopyPrunes() throws Exception {
        Path dir = home.resolve("cache");
        Path lib = SqliteLibrary.kept(dir, home, NOW).orElseThrow();
        Path unused = file(dir, "libsqlitejdbc-1000-abc123.so", Duration.ofDays(8));
        assertThat(SqliteLibrary.kept(dir, home, NOW)).contains(lib);
        assertThat(unused).as("a start that finds its copy lists nothing").exists();
    }

    /** A start that finds its copy marks it in use, at most once a day: a week-old copy still used is never pruned. */
    @Test
    void aCopyInUseIsMarkedSoNoOtherVersionPrunesIt() throws Exception {
        Path dir = home.resolve("cache");
        Path lib = SqliteLibrary.kept(dir, home, NOW).orElseThrow();
        Object inode = Files.readAttributes(lib, "unix:ino").get("ino");
        Files.setLastModifiedTime(lib, FileTime.from(NOW.minus(Duration.ofDays(30))));

        assertThat(SqliteLibrary.kept(dir, home, NOW)).contains(lib);
        assertThat(Files.getLastModifiedTime(lib).toInstant()).isEqualTo(NOW);
        assertThat(Files.readAttributes(lib, "unix:ino").get("ino")).as("the same file, not a new copy").isEqualTo(inode);
        assertThat(SqliteLibrary.kept(dir, home, NOW.plus(Duration.ofHours(20)))).contains(lib);
        assertThat(Files.getLastModifiedTime(lib).toInstant()).as("not written again within the day").isEqualTo(NOW);
        assertThat(SqliteLibrary.kept(dir, home, NOW.plus(Duration.ofHours(25)))).contains(lib);
        assertThat(Files.getLastModifiedTime(lib).toInstant()).isEqualTo(NOW.plus(Duration.ofHours(25)));
    }
}
