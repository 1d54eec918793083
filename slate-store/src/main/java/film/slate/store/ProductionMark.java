package film.slate.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Which production a store belongs to: {@code .slate/production} holds the real path of the
 * production folder that made it. A store opened from another folder is refused while that
 * production still uses it (two productions sharing one {@code .slate} through a link would mix
 * their takes); a production that was moved or copied takes its store along and is written down anew.
 */
final class ProductionMark {
    static final String FILE = "production";

    private ProductionMark() {
    }

    /** Checks (and records, when new or moved) that {@code storeRoot} belongs to {@code production}. */
    static void claim(Path storeRoot, Path production) throws IOException {
        Path here = production.toRealPath();
        Path mark = storeRoot.resolve(FILE);
        if (Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
            String recorded = Files.readString(mark, StandardCharsets.UTF_8).strip();
            if (recorded.equals(here.toString())) {
                return;
            }
            if (stillUses(Path.of(recorded), storeRoot)) {
                throw new ForeignStoreException("the store " + production.resolve(Store.FOLDER) + " belongs to the production"
                        + " in " + recorded + " (it is shared through a link); give this production its own "
                        + Store.FOLDER + " folder so their takes do not mix");
            }
        }
        Path temp = storeRoot.resolve(FILE + ".part");
        Files.writeString(temp, here + "\n", StandardCharsets.UTF_8);
        Files.move(temp, mark, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether the production at {@code other} is still there and its store is this very folder. */
    private static boolean stillUses(Path other, Path storeRoot) {
        try {
            return Files.isRegularFile(other.resolve("slate.yaml"))
                    && Files.isSameFile(other.resolve(Store.FOLDER), storeRoot);
        } catch (IOException | RuntimeException e) {
            return false; // gone or unreadable: the production was moved, this one takes the store over
        }
    }
}
