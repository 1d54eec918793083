package film.slate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.RecipeDiff;
import film.slate.store.db.TakeRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A take's lineage on the shot page: its versions oldest first, each with the recipe fields that
 * changed from the version before it (the same diff {@code slate status} and {@code why} name), or
 * the earlier version whose recipe it made current again.
 */
final class Lineage {
    private Lineage() {
    }

    /** {@code [{"version","recipe","rendered_at","changed":[...],"same_recipe_as":N|null}]} of one take's versions. */
    static ArrayNode of(List<TakeRecord> versions, Function<String, Optional<Recipe>> recipes) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        Map<String, Integer> firstWith = new HashMap<>();
        TakeRecord previous = null;
        for (TakeRecord v : versions) {
            ObjectNode o = out.addObject().put("version", v.version()).put("recipe", v.recipe())
                    .put("backend", v.backend()).put("status", v.status())
                    .put("rendered_at", java.time.Instant.ofEpochMilli(v.finishedAt()).toString());
            Integer same = firstWith.get(v.recipe());
            if (same != null) {
                o.put("same_recipe_as", same.intValue());
            } else {
                o.putNull("same_recipe_as");
                firstWith.put(v.recipe(), v.version());
            }
            ArrayNode changed = o.putArray("changed");
            if (previous != null && !previous.recipe().equals(v.recipe())) {
                Optional<Recipe> before = recipes.apply(previous.recipe());
                Optional<Recipe> after = recipes.apply(v.recipe());
                if (before.isPresent() && after.isPresent()) {
                    RecipeDiff.of(before.get(), after.get()).forEach(c -> changed.add(c.path()));
                } else {
                    changed.add("(a recipe is not in the store)");
                }
            }
            previous = v;
        }
        return out;
    }
}
