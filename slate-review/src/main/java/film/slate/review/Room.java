package film.slate.review;

import film.slate.core.model.Production;
import film.slate.engine.build.TakeState;
import film.slate.store.Store;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the review room shows: the production, its store, and the takes' states as
 * {@code slate status} computes them (asked again on each request, so edits show up as stale).
 */
public record Room(Production production, Store store, Supplier<Map<String, List<TakeState>>> status) {
}
