package film.slate.engine.generator;

import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One render: the recipe, the outputs of the recipes it conditions on (keyed by role and kind:
 * {@code previz.master}, {@code previz.depth}), the objects it names by hash, and a fresh, empty
 * folder for the generator's output. Nothing here points into a production folder.
 */
public record RenderRequest(Recipe recipe, BackendConfig backend, Map<String, Path> inputs, RecipeObjects objects,
        Path outputDir) {
    public RenderRequest {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(backend, "backend");
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
