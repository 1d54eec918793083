package film.slate.engine.generator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files a recipe names by SHA-256 (reference images, a workflow, control files), resolved by
 * the engine from an object store before the render. A generator reads these, never the
 * production folder, so whoever holds a recipe and its objects makes the same take.
 */
public record RecipeObjects(Map<String, Path> byHash) {
    public static final RecipeObjects NONE = new RecipeObjects(Map.of());

    public RecipeObjects {
        byHash = Map.copyOf(byHash);
    }

    /** The object named {@code sha256}, when it was found. */
    public Optional<Path> find(String sha256) {
        return Optional.ofNullable(byHash.get(sha256));
    }
}
