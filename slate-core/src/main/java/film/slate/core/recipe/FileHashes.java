package film.slate.core.recipe;

import film.slate.core.read.InsideProduction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Content hashes of the production's reference files, each file read once per compile. */
public final class FileHashes {
    private final Path root;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    public FileHashes(Path root) {
        this.root = root;
    }

    /** The SHA-256 of the file at {@code path} (relative to the production folder); empty when unreadable. */
    public Optional<String> of(String path) {
        return known.computeIfAbsent(path, p -> {
            Path file = root.resolve(p).normalize();
            if (!InsideProduction.allows(root, file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Sha256.file(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
