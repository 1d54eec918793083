package film.slate.media.previz;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Seeds;
import java.util.List;
import java.util.Optional;

/** Previz of a production: continuity derived once, then any take of any shot, ready to draw. */
public final class Previz {
    private final Production production;
    private final Continuity continuity;

    private Previz(Production production) {
        this.production = production;
        this.continuity = Continuity.of(production);
    }

    public static Previz of(Production production) {
        return new Previz(production);
    }

    public Production production() {
        return production;
    }

    /** Every shot in edit order. */
    public List<Shot> shots() {
        return production.shots();
    }

    /** Take {@code take} of shot {@code fullId} ({@code 1/1A}), drawn with {@code seed}; empty for an unknown shot. */
    public Optional<PrevizShot> shot(String fullId, int take, long seed) {
        Optional<ShotState> state = continuity.shot(fullId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Shot shot = state.get().shot();
        ScenePlan scene = production.scenes().stream().filter(s -> s.shots().contains(shot)).findFirst().orElseThrow();
        return Optional.of(new PrevizShot(production.manifest().title(), scene, state.get(), production.bible(),
                production.manifest().format(), take, seed));
    }

    /**
     * The take a recipe describes, drawn from the recipe alone (no production): what the previz
     * backend renders. {@code title} is only for a burn-in.
     */
    public static PrevizShot shot(RecipeContent recipe, String title) {
        RecipeScene s = RecipeScene.of(recipe);
        return new PrevizShot(title, s.scene(), s.state(), s.bible(), s.format(), recipe.take(), recipe.seed());
    }

    /** Take {@code take} of {@code fullId} with its derived seed ({@link #seed}). */
    public Optional<PrevizShot> shot(String fullId, int take) {
        return continuity.shot(fullId).flatMap(s -> shot(fullId, take, seed(production.manifest().id(), s.shot(), take)));
    }

    /** The seed of a take when the caller has none: the recipe's derivation ({@link Seeds}), never from history. */
    public static long seed(String productionId, Shot shot, int take) {
        return Seeds.of(productionId, shot.fullId(), take, shot.seed());
    }
}
