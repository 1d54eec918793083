package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.FileRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The production folder seen as files: reads them with a size cap and resolves the paths that
 * files name (relative to the naming file's folder, never outside the production).
 */
final class ProductionFiles {
    /** Larger files are not plans; refusing them keeps a stray video from exhausting memory. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final Path root;

    ProductionFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The production-relative name of a file, with forward slashes. */
    String name(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The bytes of {@code relative}, or empty with a diagnostic when it cannot be read (or may not be: {@link InsideProduction}). */
    Optional<byte[]> read(String relative, Rule rule, Diagnostics diagnostics) {
        try (var in = InsideProduction.open(root, relative)) {
            // Read at most one byte past the limit: a growing file has no honest size.
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                diagnostics.add(rule, SourcePosition.ofFile(relative), "the file is more than the " + MAX_FILE_BYTES
                        + " bytes Slate reads; is it the right file?");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (RefusedFileException e) {
            diagnostics.add(rule, SourcePosition.ofFile(relative), e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(rule, SourcePosition.ofFile(relative),
                    "the file cannot be read (" + e.getClass().getSimpleName() + "); check that it exists and is readable");
            return Optional.empty();
        }
    }

    /**
     * Resolves {@code path}, written in the file {@code namingFile}, to a production-relative path.
     * Reports {@code ref/file} when it leaves the production or names no file (when {@code mustExist}).
     */
    Optional<FileRef> resolve(String namingFile, String path, SourcePosition at, boolean mustExist,
            Diagnostics diagnostics) {
        Path base = root.resolve(namingFile).getParent();
        Path target;
        try {
            target = base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            diagnostics.add(Rule.REF_FILE, at, "the path '" + path + "' is not a valid file name; rename it");
            return Optional.empty();
        }
        if (!target.startsWith(root) || path.startsWith("/")) {
            diagnostics.add(Rule.REF_FILE, at, "the path '" + path
                    + "' leaves the production folder; copy the file into the production and name it relative to "
                    + (namingFile.contains("/") ? namingFile.substring(0, namingFile.lastIndexOf('/') + 1) : "the folder"));
            return Optional.empty();
        }
        String relative = name(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                InsideProduction.check(root, relative);
            } catch (RefusedFileException e) {
                diagnostics.add(Rule.REF_FILE, at, "the path '" + path + "' is refused: " + e.getMessage());
                return Optional.empty();
            } catch (IOException e) {
                // a link that leads nowhere: reported below as no file
            }
        }
        if (mustExist && !Files.isRegularFile(target)) {
            diagnostics.add(Rule.REF_FILE, at, "no file at '" + relative + "' (named as '" + path
                    + "'); add the file or correct the path");
        }
        return Optional.of(new FileRef(relative, at));
    }
}
