package film.slate.engine.fix;

import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixFields;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A take version's lineage: the render recipe it starts from (its root) and the fixes made on it,
 * oldest first (empty for a plain render).
 */
public record FixChain(Recipe root, List<FixRecipe> fixes) {
    public FixChain {
        fixes = List.copyOf(fixes);
    }

    /** The chain that ends at {@code recipe} (a render recipe's id or a fix's). */
    public static FixChain of(Store store, String recipe) throws FixRefused {
        List<FixRecipe> fixes = new ArrayList<>();
        String id = recipe;
        for (Optional<film.slate.store.db.Fixes.Stored> f = store.fixes().get(id); f.isPresent();
                f = store.fixes().get(id)) {
            fixes.add(f.get().recipe());
            id = f.get().parent();
        }
        Collections.reverse(fixes);
        String rootId = id;
        Recipe root = store.recipes().get(rootId).orElseThrow(() -> new FixRefused(FixRefused.IO, "the store records"
                + " recipe " + rootId + " but does not hold it; run 'slate verify'"));
        return new FixChain(root, fixes);
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
