package film.slate.engine.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch folders of renders: emptied for reuse, deleted when done. A leftover is harmless (gc clears it). */
final class BuildFolders {
    private BuildFolders() {
    }

    /** Removes what is in {@code dir}, keeping the folder. */
    static void empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(BuildFolders::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover is harmless; the folder is deleted when the build ends
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover work folder is harmless; gc clears it
        }
    }
}
