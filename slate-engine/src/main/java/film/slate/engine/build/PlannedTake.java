package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.store.db.TakeRecord;
import java.util.Optional;

/**
 * One take of the build graph: its current recipe, and what the store already holds.
 *
 * @param recipe the recipe compiled now
 * @param latest the take's latest version, if any
 * @param existing a version made from exactly this recipe, if any (its output is reused)
 */
public record PlannedTake(Recipe recipe, Optional<TakeRecord> latest, Optional<TakeRecord> existing) {
    /** Whether the take needs a render: no version was ever made from this recipe. */
    public boolean missing() {
        return existing.isEmpty();
    }

    /** Whether the latest version is of another recipe (the plan changed since it was rendered). */
    public boolean stale() {
        return latest.isPresent() && !latest.get().recipe().equals(recipe.id());
    }
}
