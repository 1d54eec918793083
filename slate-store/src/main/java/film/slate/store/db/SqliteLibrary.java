package film.slate.store.db;

import film.slate.core.read.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, extracted once per user instead of once per command. Left alone, the
 * driver copies it (1.1 MB) out of its jar into the temporary folder under a new name at every
 * start, compares the copy byte by byte and deletes it at exit (or never, when the process is
 * killed). Here it is kept in the user's cache folder ({@code $XDG_CACHE_HOME/slate/sqlite}, else
 * {@code ~/.cache/slate/sqlite}) under a name made of its size and CRC-32 as the jar records them,
 * so a new driver brings a new file, and the driver is told to load that file
 * ({@code org.sqlite.lib.path}, {@code org.sqlite.lib.name}). The folder is the user's alone
 * (made 0700, refused when it is another's or others may write to it); a first extraction writes
 * a file of its own and renames it into place, so processes starting together each load a whole
 * file. Whatever goes wrong leaves the driver to its own way; settings already given win.
 * <p>
 * A new driver's first extraction prunes the copies of other driver versions (and extractions
 * cut short) that no process has started with for {@link #UNUSED}: a process that finds its copy
 * marks it in use (its modified time, brought up to date at most once every {@link #MARKED}), so
 * a Slate of another version still run on this machine keeps its own. No copy a process may be
 * loading is removed: one chosen within the week is never old enough, a process loads its copy
 * as soon as it has chosen it (a library loaded stays mapped when its file is removed), and
 * should a removal cross that moment the driver extracts its own as before. Pruning that fails
 * is left for the next new driver.
 */
final class SqliteLibrary {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static final String TMPDIR = "org.sqlite.tmpdir";
    private static final String PART = "part-";
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    /** A copy of another driver's library no process has started with for this long is removed. */
    static final Duration UNUSED = Duration.ofDays(7);
    /** A copy in use has its modified time brought up to date when it is older than this. */
    static final Duration MARKED = Duration.ofDays(1);

    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points the driver at the user's extracted library (extracting it the first time), once a process, before its first connection. */
    static synchronized void prepare() {
        if (!prepared) {
            prepared = true;
            place(System.getenv(), System.getProperty("user.home"));
        }
    }

    /**
     * The folder of kept libraries: {@code slate/sqlite} in {@code $XDG_CACHE_HOME}, or in {@code
     * ~/.cache} when it is unset, empty or relative (the XDG base-directory specification: a
     * relative path is invalid and ignored).
     */
    static Path folder(Map<String, String> env, String home) {
        return UserCache.folder(env, home).orElseThrow(() -> new IllegalArgumentException("no home folder"))
                .resolve("slate").resolve("sqlite");
    }

    /** Sets the driver's properties to the kept library, or leaves the library to the driver. */
    private static void place(Map<String, String> env, String home) {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null || home == null) {
            return;
        }
        Path dir = folder(env, home);
        try {
            Optional<Path> lib = kept(dir, Path.of(home), Instant.now());
            lib.ifPresent(p -> {
                System.setProperty(PATH, dir.toString());
                System.setProperty(NAME, p.getFileName().toString());
                if (System.getProperty(TMPDIR) == null) {
                    System.setProperty(TMPDIR, dir.toString()); // the driver's sweep of stale copies looks there
                }
                load();
            });
        } catch (IOException | RuntimeException e) {
            // the driver extracts its own copy, as it always did
        }
    }

    /**
     * Loads the kept copy at once, while it is surely there. Should it have gone in between (pruned
     * by another Slate's new driver), the driver, told of a file that is not there, would find
     * nothing else under that name: it is told of none, and extracts its own, as it always did.
     */
    private static void load() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            System.clearProperty(PATH);
            System.clearProperty(NAME);
        }
    }

    /**
     * The library in {@code dir}, marked in use at {@code now}, or extracted when absent (then the
     * copies unused since {@code now} minus {@link #UNUSED} are pruned); empty when the driver has
     * none for this machine or the folder is unsafe.
     */
    static Optional<Path> kept(Path dir, Path home, Instant now) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = SqliteLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (resource == null || !(resource.openConnection() instanceof JarURLConnection jar)) {
            return Optional.empty();
        }
        ZipEntry entry = jar.getJarEntry();
        if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String tag = "-" + entry.getSize() + "-" + Long.toHexString(entry.getCrc());
        Path lib = dir.resolve(dot < 0 ? name + tag : name.substring(0, dot) + tag + name.substring(dot));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!ours(dir, home)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(lib) && Files.size(lib) == entry.getSize() && ours(lib, home) && markedInUse(lib, now)) {
            return Optional.of(lib);
        }
        Path part = Files.createTempFile(dir, PART, ".so");
        try {
            CRC32 crc = new CRC32();
            try (InputStream in = resource.openStream()) {
                byte[] bytes = in.readAllBytes();
                crc.update(bytes);
                Files.write(part, bytes);
            }
            if (crc.getValue() != entry.getCrc()) {
                return Optional.empty();
            }
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(dir, lib, name, now.minus(UNUSED));
            return Optional.of(lib);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Brings {@code lib}'s modified time up to {@code now} when it is older than {@link #MARKED};
     * false when the file went away meanwhile (pruned by a new driver: extract it again).
     */
    private static boolean markedInUse(Path lib, Instant now) {
        try {
            if (Files.getLastModifiedTime(lib).toInstant().isBefore(now.minus(MARKED))) {
                Files.setLastModifiedTime(lib, FileTime.from(now));
            }
            return true;
        } catch (IOException e) {
            return Files.isRegularFile(lib); // a time it may not set (read-only disk) takes nothing away
        }
    }

    /**
     * Removes from {@code dir} the kept copies of other versions of the library {@code name}
     * ({@code NAME-SIZE-CRC.EXT}) and the extractions cut short, each when it was last modified
     * before {@code unusedSince}; nothing else there (the driver's own copies are its sweep's).
     * Never fails: what cannot be removed now is tried at the next new driver.
     */
    private static void prune(Path dir, Path lib, String name, Instant unusedSince) {
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Pattern copy = Pattern.compile(Pattern.quote(base) + "-\\d+-[0-9a-f]+" + Pattern.quote(ext) + "|"
                + Pattern.quote(PART) + ".*\\.so");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                try {
                    if (!f.equals(lib) && copy.matcher(f.getFileName().toString()).matches()
                            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(unusedSince)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException | RuntimeException e) {
                    // left for the next new driver
                }
            }
        } catch (IOException | RuntimeException e) {
            // the folder cannot be listed now: nothing is pruned this time
        }
    }

    /** Whether {@code p} belongs to the owner of the home folder and no one else may write to it. */
    private static boolean ours(Path p, Path home) throws IOException {
        return Files.getOwner(p).equals(Files.getOwner(home))
                && Collections.disjoint(Files.getPosixFilePermissions(p), OTHERS_WRITE);
    }
}
