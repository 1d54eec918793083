package film.slate.review;

import film.slate.core.model.Production;
import film.slate.engine.build.TakeState;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the review room shows: the production as last read ({@link Edition}, which follows its
 * files), its store, and the takes' states as {@code slate status} computes them. The suppliers are
 * asked on each request and are cheap when nothing changed ({@link ReviewServer} shares each for a
 * second and recomputes states only when the event log grows or the edition changes). A fix made from
 * the room renders with the generators of the command line that started it, as {@code slate fix} does.
 */
public record Room(Supplier<Edition> edition, Store store, Supplier<Map<String, List<TakeState>>> status,
        Generators generators) {
    /** The production of the current edition. */
    public Production production() {
        return edition.get().production();
    }
}
