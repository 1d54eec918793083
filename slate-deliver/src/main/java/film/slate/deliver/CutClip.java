package film.slate.deliver;

import film.slate.core.model.Shot;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.TakeRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * One event of the cut: a shot at its planned length from {@code recordIn} (frames from the start
 * of the cut), showing a take version, or a gap when the shot has none (a rough cut only).
 * {@code approval} is the decision that approved the take; a rough cut's stand-in has none.
 */
public record CutClip(Shot shot, Optional<TakeRecord> take, Optional<DecisionRecord> approval, int frames,
        long recordIn) {

    public boolean approved() {
        return approval.isPresent();
    }

    public boolean gap() {
        return take.isEmpty();
    }

    /** {@code 1_1A_t1_v2}: the readable base name of the delivered master and proxy. */
    public String name() {
        String shotPart = shot.fullId().replaceAll("[^A-Za-z0-9]+", "_");
        return take.map(t -> shotPart + "_t" + t.take() + "_v" + t.version()).orElse(shotPart + "_gap");
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
