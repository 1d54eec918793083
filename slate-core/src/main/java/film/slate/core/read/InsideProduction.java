package film.slate.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The one rule for every file Slate reads from a production (FORMAT.md, "Files stay inside the
 * production"): the file is inside the production folder after following every link, it is a
 * regular file (not a folder, FIFO, device or socket), and it is not a hard link to a file of
 * another owner. A production is often someone else's (a download, a colleague's folder): without
 * the rule, {@code shots/005.yaml -> /etc/passwd} prints a private file in a diagnostic and a FIFO
 * hangs the reader.
 */
public final class InsideProduction {
    /** The most Slate reads of any one production file, or of a screenplay named on the command line. */
    public static final long MAX_BYTES = ProductionFiles.MAX_FILE_BYTES;
    private static final int TYPE_MASK = 0170000;
    private static final Map<Integer, String> NOT_FILES = Map.of(0010000, "a named pipe (FIFO)", 0020000,
            "a character device", 0060000, "a block device", 0140000, "a socket", 0040000, "a folder");

    private InsideProduction() {
    }

    /**
     * The real path of {@code relative} (a production-relative path) under {@code root}, once the
     * rule holds.
     *
     * @throws RefusedFileException with one sentence when the rule does not hold
     * @throws NoSuchFileException when there is no such file (or a link leads nowhere)
     */
    public static Path check(Path root, String relative) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path file;
        try {
            file = base.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new RefusedFileException(relative, "is not a valid file name; rename it");
        }
        if (!file.startsWith(base) || file.equals(base)) {
            throw new RefusedFileException(relative, "is outside the production folder; copy the file into it");
        }
        Path realRoot = base.toRealPath();
        Path real = file.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new RefusedFileException(relative, "leads out of the production folder through a link (to " + real
                    + "); copy the file into the production instead of linking to it");
        }
        Map<String, Object> unix = unixAttributes(real);
        if (unix == null) {
            if (!Files.isRegularFile(real)) {
                throw new RefusedFileException(relative, "is not a regular file; replace it with one");
            }
            return real; // a file system without owners and link counts: the link rule is all that can be told
        }
        String kind = NOT_FILES.get((Integer) unix.get("mode") & TYPE_MASK);
        if (kind != null || !Files.isRegularFile(real)) {
            throw new RefusedFileException(relative, "is " + (kind == null ? "not a regular file" : kind)
                    + ", not a file Slate reads; replace it with a regular file");
        }
        Object rootOwner = unixAttributes(realRoot).get("uid");
        if ((Integer) unix.get("nlink") > 1 && !unix.get("uid").equals(rootOwner)) {
            throw new RefusedFileException(relative, "is a hard link to a file of another owner (uid " + unix.get("uid")
                    + "); copy the file into the production instead of linking to it");
        }
        return real;
    }

    /** Whether the rule allows reading {@code file} (a path under {@code root}, resolved or not); false when it is missing. */
    public static boolean allows(Path root, Path file) {
        try {
            Path base = root.toAbsolutePath().normalize();
            check(base, base.relativize(base.resolve(file).normalize()).toString());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Opens {@code relative} for reading once the rule holds; the last step is not followed again. */
    public static InputStream open(Path root, String relative) throws IOException {
        Path real = check(root, relative);
        return Channels.newInputStream(Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    private static Map<String, Object> unixAttributes(Path real) throws IOException {
        try {
            return Files.readAttributes(real, "unix:mode,nlink,uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
