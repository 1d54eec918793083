package film.slate.store.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
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
 */
final class SqliteLibrary {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static final String TMPDIR = "org.sqlite.tmpdir";
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

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

    /** Sets the driver's properties to the kept library, or leaves the library to the driver. */
    private static void place(Map<String, String> env, String home) {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null || home == null) {
            return;
        }
        String cache = env.getOrDefault("XDG_CACHE_HOME", "");
        Path dir = (cache.startsWith("/") ? Path.of(cache) : Path.of(home, ".cache")).resolve("slate").resolve("sqlite");
        try {
            Optional<Path> lib = kept(dir, Path.of(home));
            lib.ifPresent(p -> {
                System.setProperty(PATH, dir.toString());
                System.setProperty(NAME, p.getFileName().toString());
                if (System.getProperty(TMPDIR) == null) {
                    System.setProperty(TMPDIR, dir.toString()); // the driver's sweep of stale copies looks there
                }
            });
        } catch (IOException | RuntimeException e) {
            // the driver extracts its own copy, as it always did
        }
    }

    /** The library in {@code dir}, extracted when absent; empty when the driver has none for this machine or the folder is unsafe. */
    static Optional<Path> kept(Path dir, Path home) throws IOException {
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
        if (Files.isRegularFile(lib) && Files.size(lib) == entry.getSize() && ours(lib, home)) {
            return Optional.of(lib);
        }
        Path part = Files.createTempFile(dir, "part-", ".so");
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
            return Optional.of(lib);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Whether {@code p} belongs to the owner of the home folder and no one else may write to it. */
    private static boolean ours(Path p, Path home) throws IOException {
        return Files.getOwner(p).equals(Files.getOwner(home))
                && Collections.disjoint(Files.getPosixFilePermissions(p), OTHERS_WRITE);
    }
}
