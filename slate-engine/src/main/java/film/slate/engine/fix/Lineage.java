package film.slate.engine.fix;

import film.slate.core.recipe.FixRecipe;
import film.slate.store.Store;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Decisions;
import film.slate.store.db.Fixes;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.TakeVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version tree of a shot's takes (issue 14 §2): per take every version, oldest first, as a
 * render, a fix of an earlier version (its parent) or a reuse of an earlier render; whether it
 * belongs to the recipe compiled now (else stale, its edit kept); and every verdict given on it.
 */
public record Lineage(String shot, List<Take> takes) {
    public Lineage {
        takes = List.copyOf(takes);
    }

    public enum Kind {
        /** Rendered from a recipe. */
        RENDER,
        /** A fix of an earlier version. */
        FIX,
        /** The same recipe's output again (an edit was reverted). */
        REUSED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A take: the recipe compiled for it now (when the plan has it) and its versions. */
    public record Take(int take, Optional<String> current, List<Version> versions) {
        public Take {
            versions = List.copyOf(versions);
        }
    }

    /**
     * One version.
     *
     * @param parent the version it was made from: a fix's parent, a reuse's original
     * @param root the render recipe it belongs to
     * @param stale whether {@code root} is no longer the take's recipe (the plan changed under it)
     * @param approved whether it is the shot's approved version
     */
    public record Version(TakeRecord record, Kind kind, Optional<Integer> parent, String root, Optional<FixRecipe> fix,
            boolean stale, List<DecisionRecord> decisions, boolean approved) {
        public Version {
            decisions = List.copyOf(decisions);
        }

        public int version() {
            return record.version();
        }

        /** How many fixes deep it is: 0 for a render or a reuse, its parent's depth and one for a fix. */
        public int depth(List<Version> all) {
            return kind != Kind.FIX || parent.isEmpty() ? 0 : 1 + all.get(parent.get() - 1).depth(all);
        }
    }

    /** The tree of {@code shot}; {@code current} maps a take number to its recipe compiled now. */
    public static Lineage of(Store store, String shot, Map<Integer, String> current) {
        List<TakeRecord> all = store.takes().ofShot(shot);
        Map<String, String> roots = store.fixes().roots();
        Decisions decisions = new Decisions(store.database());
        List<DecisionRecord> verdicts = decisions.history(Optional.of(shot));
        Optional<TakeVersion> approved = Optional.ofNullable(decisions.approvals().get(shot));
        List<Take> takes = new ArrayList<>();
        for (int n : all.stream().map(TakeRecord::take).distinct().toList()) {
            List<TakeRecord> versions = all.stream().filter(t -> t.take() == n).toList();
            List<Version> out = new ArrayList<>();
            for (TakeRecord v : versions) {
                Optional<FixRecipe> fix = store.fixes().get(v.recipe()).map(Fixes.Stored::recipe);
                String root = roots.getOrDefault(v.recipe(), v.recipe());
                Optional<Integer> earlier = latestBefore(versions, v.version(), v.recipe());
                Kind kind = earlier.isPresent() ? Kind.REUSED : fix.isPresent() ? Kind.FIX : Kind.RENDER;
                Optional<Integer> parent = kind == Kind.REUSED ? earlier
                        : fix.flatMap(f -> latestBefore(versions, v.version(), f.parent()));
                boolean stale = current.containsKey(n) && !current.get(n).equals(root);
                TakeVersion tv = new TakeVersion(shot, n, v.version());
                out.add(new Version(v, kind, parent, root, fix, stale,
                        verdicts.stream().filter(d -> d.take().equals(tv)).toList(), approved.equals(Optional.of(tv))));
            }
            takes.add(new Take(n, Optional.ofNullable(current.get(n)), out));
        }
        return new Lineage(shot, takes);
    }

    /** The latest version before {@code version} made from {@code recipe}. */
    private static Optional<Integer> latestBefore(List<TakeRecord> versions, int version, String recipe) {
        return versions.stream().filter(t -> t.version() < version && t.recipe().equals(recipe))
                .map(TakeRecord::version).reduce((a, b) -> b);
    }
}
