package film.slate.store;

import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixFields;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.db.Fixes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A take version's lineage: the render recipe it starts from (its root) and the fixes made on it,
 * oldest first (empty for a plain render). One walk of the {@code fixes} table for whoever needs it:
 * the fix commands (engine) and the delivery's provenance (deliver).
 */
public record FixChain(Recipe root, List<FixRecipe> fixes) {
    public FixChain {
        fixes = List.copyOf(fixes);
    }

    /** The fixes that made the version of {@code recipe} (a render recipe's id or a fix's), oldest first. */
    public static List<FixRecipe> fixes(Store store, String recipe) {
        List<FixRecipe> fixes = new ArrayList<>();
        for (Optional<Fixes.Stored> f = store.fixes().get(recipe); f.isPresent(); f = store.fixes().get(f.get().parent())) {
            fixes.add(f.get().recipe());
        }
        Collections.reverse(fixes);
        return fixes;
    }

    /** The id of the render recipe a chain of {@code fixes} (oldest first) ending at {@code recipe} starts from. */
    public static String rootId(String recipe, List<FixRecipe> fixes) {
        return fixes.isEmpty() ? recipe : fixes.get(0).parent();
    }

    /** The chain that ends at {@code recipe}, or empty when the store does not hold its root recipe. */
    public static Optional<FixChain> of(Store store, String recipe) {
        List<FixRecipe> fixes = fixes(store, recipe);
        return store.recipes().get(rootId(recipe, fixes)).map(root -> new FixChain(root, fixes));
    }

    /** The root's content with every edit of the chain applied: the fields the version shows. */
    public RecipeContent content() {
        RecipeContent c = root.content();
        for (FixRecipe f : fixes) {
            c = FixFields.apply(c, f.edit());
        }
        return c;
    }

    /**
     * What the backend renders a fix's region from: the root's content with every edit of the chain,
     * then {@code edit}, applied in order.
     */
    public RecipeContent content(FixEdit edit) {
        return FixFields.apply(content(), edit);
    }
}
