package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.TakeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per shot, its takes and their states, from a plan and the store's renders. One rule decides,
 * for status, why and the build alike: the latest version's recipe against the current recipe
 * ({@link #need}).
 */
public final class Status {
    private Status() {
    }

    /** What a take needs, by the one rule. */
    public enum Need {
        /** Its latest version is of the current recipe and its objects are on hand. */
        NOTHING,
        /**
         * An earlier version was made from the current recipe (an edit was reverted): the build
         * makes it current again as a new version on the same objects, recorded as a
         * {@code reused} event, without rendering.
         */
        REUSE,
        /** No version with its objects on hand was ever made from the current recipe. */
        RENDER
    }

    /**
     * The one rule. A version of the current recipe with its objects on hand is current when no
     * later version exists (the plan may have read the latest before another build recorded it);
     * when a later version of another recipe (or one marked missing) exists, it is made current again.
     */
    public static Need need(PlannedTake t) {
        Optional<TakeRecord> sound = t.existing().filter(TakeRecord::rendered);
        if (sound.isEmpty()) {
            return Need.RENDER;
        }
        Optional<TakeRecord> latest = t.latest();
        return latest.isEmpty() || latest.get().version() <= sound.get().version() ? Need.NOTHING : Need.REUSE;
    }

    /** Shot id to its takes, in edit order. */
    public static Map<String, List<TakeState>> of(BuildPlan plan, Store store) {
        Map<String, RenderRecord> renders = store.present() ? store.renders().all() : Map.of();
        Map<String, List<TakeState>> out = new LinkedHashMap<>();
        for (PlannedTake t : plan.takes()) {
            Recipe r = t.recipe();
            out.computeIfAbsent(r.shot(), k -> new ArrayList<>()).add(state(t, renders.get(r.id()), store));
        }
        return out;
    }

    private static TakeState state(PlannedTake t, RenderRecord render, Store store) {
        Recipe r = t.recipe();
        Need need = need(t);
        TakeState.Phase state;
        List<String> changed = List.of();
        Optional<String> reason = Optional.empty();
        Optional<TakeRecord> latest = t.latest();
        if (need == Need.NOTHING) {
            state = TakeState.Phase.RENDERED;
        } else if (render != null && RenderState.of(render).open()) {
            state = RenderState.of(render).phase();
            reason = render.reason();
        } else if (latest.isPresent() && latest.get().recipe().equals(r.id())) {
            state = TakeState.Phase.MISSING; // its own objects were found bad
            reason = Optional.of("its objects were found damaged or missing (slate verify); the next build renders it"
                    + " again");
        } else if (latest.isPresent()) {
            state = TakeState.Phase.STALE;
            changed = store.recipes().get(latest.get().recipe())
                    .map(old -> RecipeDiff.of(old, r).stream().map(RecipeDiff.Change::path).toList())
                    .orElse(List.of("(the old recipe is not in the store)"));
            if (need == Need.REUSE) {
                reason = Optional.of("version " + t.existing().get().version() + " was made from this recipe; the next"
                        + " build makes it current again without rendering");
            }
        } else {
            state = TakeState.Phase.MISSING;
        }
        return new TakeState(r.shot(), r.take(), r.id(), state, latest.map(x -> x.version()).orElse(0),
                latest.flatMap(x -> x.master()), reason, changed);
    }

    /** A shot's state: rendered when all its takes are; else the most pressing of its takes' states. */
    public static String shotState(List<TakeState> takes) {
        return takes.stream().map(TakeState::phase).min(Comparator.naturalOrder()).orElse(TakeState.Phase.RENDERED)
                .word();
    }
}
