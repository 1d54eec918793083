package film.slate.review;

import film.slate.core.model.Production;
import film.slate.engine.build.TakeState;
import film.slate.store.Store;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the review room shows: the production, its store, the takes' states as {@code slate status}
 * computes them and the check's findings per shot. The suppliers are asked on each request and
 * should be cheap when nothing changed (the CLI gives {@link Stamped} ones: states again when the
 * event log grows, findings again when a production file changes).
 */
public record Room(Production production, Store store, Supplier<Map<String, List<TakeState>>> status,
        Supplier<Map<String, List<String>>> diagnostics) {
}
