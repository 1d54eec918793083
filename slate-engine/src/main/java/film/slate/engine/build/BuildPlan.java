package film.slate.engine.build;

import film.slate.core.model.Shot;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Target;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The build graph of a selection: every selected take with its recipe and what the store holds for it. */
public record BuildPlan(String backend, List<PlannedTake> takes) {
    public BuildPlan {
        takes = List.copyOf(takes);
    }

    /** Compiles the selected shots for {@code target} and looks each take up in the store. */
    public static BuildPlan of(RecipeCompiler compiler, Target target, ShotSelector selector, Optional<Integer> takes,
            Store store) {
        List<Recipe> recipes = new ArrayList<>();
        for (Shot shot : compiler.production().shots()) {
            if (selector.test(shot)) {
                recipes.addAll(compiler.compile(shot, target, takes));
            }
        }
        return of(target.backend().name(), recipes, store);
    }

    /** Looks each of {@code recipes} (compiled for {@code backend}, in edit order) up in the store. */
    public static BuildPlan of(String backend, List<Recipe> recipes, Store store) {
        Map<String, TakeRecord> byRecipe = new HashMap<>();
        if (!store.present()) { // no store: no take was ever made, known without opening a database
            return new BuildPlan(backend, recipes.stream().map(r -> new PlannedTake(r, Optional.empty(), Optional.empty()))
                    .toList());
        }
        Map<String, TakeRecord> latest = store.takes().latestAll();
        // A fix's version belongs to the recipe its chain starts from (issue 14): it is that recipe's latest output.
        Map<String, String> fixRoots = store.fixes().roots();
        store.takes().ofAll().stream().filter(TakeRecord::rendered) // a version marked missing is no output to reuse
                .forEach(t -> byRecipe.merge(fixRoots.getOrDefault(t.recipe(), t.recipe()), t,
                        (a, b) -> a.version() >= b.version() ? a : b));
        List<PlannedTake> out = new ArrayList<>(recipes.size());
        for (Recipe r : recipes) {
            out.add(new PlannedTake(r, Optional.ofNullable(latest.get(r.label())),
                    Optional.ofNullable(byRecipe.get(r.id())).filter(t -> t.label().equals(r.label()))));
        }
        return new BuildPlan(backend, out);
    }

    /** This plan without the takes of {@code shots} (shots under picture lock, which no build renders). */
    public BuildPlan without(java.util.Set<String> shots) {
        return new BuildPlan(backend, takes.stream().filter(t -> !shots.contains(t.recipe().shot())).toList());
    }

    public List<PlannedTake> missing() {
        return takes.stream().filter(PlannedTake::missing).toList();
    }
}
