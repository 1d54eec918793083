package film.slate.cli;

import film.slate.core.recipe.Sha256;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every file of a production folder (outside {@code .slate} and other hidden folders) by content
 * hash: what a plan can depend on, known without reading the production. Like git's index, a large
 * file keeps the hash of the last scan while its size and time are unchanged and it was last
 * modified well before that scan (a file changed in the same instant as the scan is hashed again).
 * A small file keeps it only when, besides, its status-change time (which every write, rename into
 * place or time set by a tool moves to the present, and no tool sets back) is well before that scan:
 * then its bytes are the ones hashed. Where the system has no such time, small files are hashed.
 *
 * @param files production-relative name (forward slashes) to its stamp
 */
record InputFiles(Map<String, Stamp> files) {
    /** Files smaller than this keep their hash only when their status-change time says they are untouched. */
    static final long LARGE = 1L << 20;
    /** The stand-in hash of a file that could not be read: never trusted, hashed again at the next scan. */
    private static final String UNREADABLE = "unreadable";
    /** How much older than the last scan a large file must be for its stamp to be trusted. */
    static final long RACY_MILLIS = 2_000;

    /** @param sha256 the content hash, or {@code unreadable} */
    record Stamp(String sha256, long size, long modified) {
    }

    InputFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files)); // sorted: the key hashes them in order
    }

    String sha256(String file) {
        Stamp s = files.get(file);
        return s == null ? "absent" : s.sha256();
    }

    /** Scans {@code root}, reusing {@code previous} hashes of large unchanged files scanned at {@code previousAt}. */
    static InputFiles scan(Path root, InputFiles previous, long previousAt) throws IOException {
        Map<String, Stamp> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !dir.getFileName().toString().startsWith(".") ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                BasicFileAttributes a = attrs.isSymbolicLink() && Files.isRegularFile(file)
                        ? Files.readAttributes(file, BasicFileAttributes.class) : attrs;
                if (a.isRegularFile()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    out.put(name, stamp(file, a, previous.files().get(name), previousAt));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                out.put(root.relativize(file).toString().replace('\\', '/'), new Stamp(UNREADABLE, -1, -1));
                return FileVisitResult.CONTINUE;
            }
        });
        return new InputFiles(out);
    }

    /**
     * Whether nothing changed the file or its times since {@code millis} (its ctime, and the link's own
     * when it is a symbolic link: a link pointed elsewhere changes); false where unknown.
     */
    private static boolean untouchedSince(Path file, long millis) {
        try {
            return Files.getAttribute(file, "unix:ctime") instanceof FileTime changed && changed.toMillis() < millis
                    && Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS) instanceof FileTime link
                    && link.toMillis() < millis;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no unix view (Windows): hashed as before
        }
    }

    private static Stamp stamp(Path file, BasicFileAttributes a, Stamp known, long knownAt) {
        long modified = a.lastModifiedTime().toMillis();
        if (known != null && !known.sha256().equals(UNREADABLE) && known.size() == a.size()
                && known.modified() == modified && modified < knownAt - RACY_MILLIS
                && (a.size() >= LARGE || untouchedSince(file, knownAt - RACY_MILLIS))) {
            return known; // hashing is SHA-256 under the C1 compiler of quick commands: 7% of a status after an edit
        }
        try {
            return new Stamp(Sha256.file(file), a.size(), modified);
        } catch (IOException e) {
            return new Stamp(UNREADABLE, a.size(), modified);
        }
    }
}
