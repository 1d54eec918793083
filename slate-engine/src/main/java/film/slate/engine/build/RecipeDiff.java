package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeChanges;
import java.util.List;
import java.util.Optional;

/** Field by field, how two recipes differ: JSON pointers with the old and the new value ({@link RecipeChanges}). */
public final class RecipeDiff {
    /** One changed field; a value is empty where the field is absent on that side. */
    public record Change(String path, Optional<String> before, Optional<String> after) {
    }

    private RecipeDiff() {
    }

    public static List<Change> of(Recipe before, Recipe after) {
        return RecipeChanges.of(before, after).stream().map(c -> new Change(c.path(), c.before(), c.after())).toList();
    }
}
