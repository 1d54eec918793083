package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies what a recipe names into a flat folder of objects ({@link ObjectFolder}): its reference
 * files and, for a recipe that conditions on others, those recipes (a file named by the id, which
 * is the hash of its text) and what they name in turn. With the recipe itself, that folder is all
 * {@code slate render} needs.
 */
public final class RecipeExport {
    private RecipeExport() {
    }

    /**
     * Exports the objects of {@code recipe} into {@code dir}; returns the names written.
     *
     * @throws BuildException naming an object that is neither in the store nor, unchanged, in the production
     */
    public static List<String> objects(Recipe recipe, Store store, Path production, Path dir)
            throws IOException, BuildException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        RecipeRefs.store(List.of(recipe), production, store.objects());
        for (RecipeContent.Ref ref : recipe.content().refs()) {
            if (ref.sha256().isEmpty()) {
                continue;
            }
            String hash = ref.sha256().get();
            if (!store.objects().has(hash)) {
                throw new BuildException(ref.path() + " is no longer as recipe " + recipe.id().substring(0, 12)
                        + " names it (object " + hash.substring(0, 12) + ") and the store does not hold that version");
            }
            Files.copy(store.objects().path(hash), dir.resolve(hash), StandardCopyOption.REPLACE_EXISTING);
            out.add(hash);
        }
        for (RecipeContent.Input in : recipe.content().inputs()) {
            Optional<Recipe> input = recipe.inputs().stream().filter(r -> r.id().equals(in.recipe())).findFirst()
                    .or(() -> store.recipes().get(in.recipe()));
            if (input.isEmpty()) {
                throw new BuildException("the " + in.role() + " recipe " + in.recipe().substring(0, 12) + " that "
                        + recipe.label() + " conditions on is not in the store; run slate build first");
            }
            Files.write(dir.resolve(in.recipe()), input.get().canonical().getBytes(StandardCharsets.UTF_8));
            out.add(in.recipe());
            out.addAll(objects(input.get(), store, production, dir));
        }
        return out;
    }
}
