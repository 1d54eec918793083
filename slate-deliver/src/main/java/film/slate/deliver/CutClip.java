package film.slate.deliver;

import film.slate.core.model.Shot;
import film.slate.core.recipe.FixRecipe;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.TakeRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One event of the cut: a shot at its planned length from {@code recordIn} (frames from the start
 * of the cut), showing a take version, or a gap when the shot has none (a rough cut only).
 * {@code approval} is the decision that approved the take; a rough cut's stand-in has none. A take
 * version made by {@code slate fix} has its {@code fixes} (the chain from its render, oldest first)
 * and the {@code parent} version the last of them was made on; a rendered version has neither.
 */
public record CutClip(Shot shot, Optional<TakeRecord> take, Optional<DecisionRecord> approval, int frames,
        long recordIn, List<FixRecipe> fixes, Optional<TakeRecord> parent) {
    public CutClip {
        fixes = List.copyOf(fixes);
    }

    /** Whether the version shown was made by fixing another. */
    public boolean fixed() {
        return !fixes.isEmpty();
    }

    public boolean approved() {
        return approval.isPresent();
    }

    public boolean gap() {
        return take.isEmpty();
    }

    /** {@code 1_1A_t1_v2}: the readable base name of the delivered master and proxy. */
    public String name() {
        return take.map(this::name).orElse(shotPart() + "_gap");
    }

    /** {@code 1_1A_t1_v1}: the name the version {@code t} of this shot would be delivered under. */
    public String name(TakeRecord t) {
        return shotPart() + "_t" + t.take() + "_v" + t.version();
    }

    private String shotPart() {
        return shot.fullId().replaceAll("[^A-Za-z0-9]+", "_");
    }

    /** The delivered master, relative to the delivery folder. */
    public Optional<String> master() {
        return take.flatMap(TakeRecord::master).map(m -> Delivery.MEDIA + "/" + name() + ".mkv");
    }

    /** The delivered proxy, relative to the delivery folder. */
    public Optional<String> proxy() {
        return take.flatMap(TakeRecord::proxy).map(m -> Delivery.MEDIA + "/" + name() + "_proxy.mp4");
    }

    /** {@code approved}, {@code unapproved} or {@code gap}: the word every format marks the clip with. */
    public String status() {
        return gap() ? "gap" : approved() ? "approved" : "unapproved";
    }

    String upperName() {
        return name().toUpperCase(Locale.ROOT);
    }
}
