package film.slate.engine.generator;

import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One render: the recipe, the files it conditions on resolved from the store (keyed by role and
 * kind: {@code previz.master}, {@code previz.depth}), the production folder for references, and a
 * fresh, empty folder for the generator's output.
 */
public record RenderRequest(Recipe recipe, BackendConfig backend, Map<String, Path> inputs, Path productionRoot,
        Path outputDir) {
    public RenderRequest {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(backend, "backend");
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(productionRoot, "productionRoot");
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
