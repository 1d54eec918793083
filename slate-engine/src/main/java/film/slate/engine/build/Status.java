package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per shot, its takes and their states, from a plan and the store's renders. */
public final class Status {
    private Status() {
    }

    /** Shot id to its takes, in edit order. */
    public static Map<String, List<TakeState>> of(BuildPlan plan, Store store) {
        Map<String, RenderRecord> renders = store.renders().all();
        Map<String, List<TakeState>> out = new LinkedHashMap<>();
        for (PlannedTake t : plan.takes()) {
            Recipe r = t.recipe();
            RenderRecord render = renders.get(r.id());
            String state;
            List<String> changed = List.of();
            Optional<String> reason = Optional.empty();
            if (!t.missing() && !t.stale()) {
                state = "rendered";
            } else if (render != null && !render.status().equals(RenderRecord.RENDERED)) {
                state = render.status();
                reason = render.reason();
            } else if (t.latest().isPresent()) {
                state = "stale";
                changed = store.recipes().get(t.latest().get().recipe())
                        .map(old -> RecipeDiff.of(old, r).stream().map(RecipeDiff.Change::path).toList())
                        .orElse(List.of("(the old recipe is not in the store)"));
            } else {
                state = "missing";
            }
            out.computeIfAbsent(r.shot(), k -> new ArrayList<>()).add(new TakeState(r.shot(), r.take(), r.id(), state,
                    t.latest().map(x -> x.version()).orElse(0), t.latest().flatMap(x -> x.master()), reason, changed));
        }
        return out;
    }

    /** A shot's state: rendered when all its takes are; else the most pressing of its takes' states. */
    public static String shotState(List<TakeState> takes) {
        for (String s : List.of("failed", "rendering", "queued", "stale", "missing")) {
            if (takes.stream().anyMatch(t -> t.state().equals(s))) {
                return s;
            }
        }
        return "rendered";
    }
}
