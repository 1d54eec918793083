package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Sha256;
import film.slate.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Puts the reference files that queued recipes name into the object store, so that a render
 * finds them by hash and never opens the production folder. A file is stored only while it still
 * has the content its recipe names: one edited since the plan was made stays out, and the take
 * that needs it fails with a sentence rather than render from the new bytes.
 */
public final class RecipeRefs {
    private RecipeRefs() {
    }

    public static void store(Collection<Recipe> recipes, Path production, ObjectStore objects) {
        Set<String> seen = new HashSet<>();
        for (Recipe r : recipes) {
            for (RecipeContent.Ref ref : r.content().refs()) {
                if (ref.sha256().isPresent() && seen.add(ref.sha256().get()) && !objects.has(ref.sha256().get())) {
                    put(production, ref, objects);
                }
            }
        }
    }

    private static void put(Path production, RecipeContent.Ref ref, ObjectStore objects) {
        Path root = production.toAbsolutePath().normalize();
        Path file = root.resolve(ref.path()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return;
        }
        try {
            if (Sha256.file(file).equals(ref.sha256().get())) {
                objects.put(file);
            }
        } catch (IOException e) {
            // unreadable now: the render that needs it says so
        }
    }
}
