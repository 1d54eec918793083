package film.slate.engine.fix;

import film.slate.core.recipe.FixRecipe;
import film.slate.engine.build.Backends;
import film.slate.engine.build.PlannedTake;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slate build --reapply-fixes} (issue 14 §3): a fix belongs to its parent's recipe; when the
 * plan changed that recipe and the take was rendered again, the latest fix chain made on an earlier
 * recipe is stale, its edits kept. This applies the same edits, in order, to the take rendered from
 * the recipe compiled now. Applying them twice makes nothing new (the same fixes have the same ids).
 */
public final class Reapply {
    private Reapply() {
    }

    /** What became of one stale chain: the versions made (or found), or why it could not be reapplied. */
    public record Outcome(String take, String stale, List<Fixer.Made> made, Optional<String> refused) {
        public Outcome {
            made = List.copyOf(made);
        }
    }

    /** Reapplies, for each planned take rendered from its current recipe, its latest stale fix chain. */
    public static List<Outcome> run(Store store, Backends backends, Fixer fixer, List<PlannedTake> takes) {
        Map<String, String> roots = store.fixes().roots();
        List<Outcome> out = new ArrayList<>();
        for (PlannedTake p : takes) {
            String current = p.recipe().id();
            List<TakeRecord> versions = store.takes().ofShot(p.recipe().shot()).stream()
                    .filter(t -> t.take() == p.recipe().take()).toList();
            Optional<TakeRecord> render = versions.stream().filter(t -> t.recipe().equals(current) && t.rendered())
                    .max(Comparator.comparingInt(TakeRecord::version));
            Optional<TakeRecord> staleTip = versions.stream()
                    .filter(t -> roots.containsKey(t.recipe()) && !roots.get(t.recipe()).equals(current))
                    .max(Comparator.comparingInt(TakeRecord::version));
            if (render.isEmpty() || staleTip.isEmpty()) {
                continue;
            }
            out.add(again(store, backends, fixer, render.get(), staleTip.get()));
        }
        return out;
    }

    private static Outcome again(Store store, Backends backends, Fixer fixer, TakeRecord parent, TakeRecord tip) {
        List<Fixer.Made> made = new ArrayList<>();
        try {
            List<FixRecipe> chain = FixPreconditions.chain(store, tip.recipe()).fixes();
            TakeRecord on = parent;
            for (FixRecipe f : chain) {
                Fixer.Made m = fixer.make(FixPreconditions.again(store, backends, on, f),
                        Optional.of("reapplied fix " + f.id() + " made on recipe " + f.parent()));
                made.add(m);
                on = m.version();
            }
            return new Outcome(parent.label(), tip.recipe(), made, Optional.empty());
        } catch (FixRefused e) {
            return new Outcome(parent.label(), tip.recipe(), made, Optional.of(e.getMessage()));
        }
    }
}
