package film.slate.engine.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.db.Event;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The record side of a render: each outcome is one transaction with its event, then one event to
 * the build's listener. A take row is written only here, after its objects are stored.
 */
final class TakeRecorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final BuildOptions options;
    private final BuildListener listener;
    private final Runnable changed;

    /** {@code changed} runs after every outcome that ends a render (rendered or failed). */
    TakeRecorder(Store store, BuildOptions options, BuildListener listener, Runnable changed) {
        this.store = store;
        this.options = options;
        this.listener = listener;
        this.changed = changed;
    }

    /**
     * Records the take made by attempt {@code n}: the attempt, the render and a new take version;
     * empty, and nothing recorded, when a later attempt holds the render (this one was counted dead).
     */
    Optional<TakeRecord> rendered(Recipe recipe, int n, Takes.Output output, long started, long finished,
            OptionalDouble cost) {
        Optional<TakeRecord> recorded = store.database().transaction(c -> {
            if (!store.renders().holds(c, recipe.id(), n)) {
                return Optional.<TakeRecord>empty();
            }
            store.renders().endAttempt(c, recipe.id(), n, AttemptOutcome.OK.word(), null);
            store.renders().finish(c, recipe.id(), RenderState.RENDERED.word(), null, cost);
            TakeRecord t = store.takes().append(c, recipe.shot(), recipe.take(), recipe.id(), recipe.backend(), output,
                    started, finished, cost);
            store.events().append(c, Event.of(options.worker(), "rendered", "take " + t.label() + " v" + t.version(),
                    recipe.shot(), details(recipe, n), null));
            return Optional.of(t);
        });
        if (recorded.isEmpty()) {
            return recorded; // its objects stay unreferenced until gc: the same bytes, or a loser's
        }
        TakeRecord take = recorded.get();
        listener.on(new BuildEvent(BuildEvent.Kind.RENDERED, recipe.shot(), recipe.take(), recipe.id(), n,
                Optional.of("version " + take.version()), cost.isPresent() ? Optional.of(cost.getAsDouble())
                        : Optional.empty()));
        changed.run();
        return recorded;
    }

    /** Records that the render failed for good; {@code attempt} 0 when none was started. */
    void failed(Recipe recipe, int attempt, AttemptOutcome outcome, String reason) {
        store.database().transaction(c -> {
            if (attempt > 0) {
                store.renders().endAttempt(c, recipe.id(), attempt, outcome.word(), reason);
            }
            store.renders().finish(c, recipe.id(), RenderState.FAILED.word(), reason, OptionalDouble.empty());
            store.events().append(c, Event.of(options.worker(), "failed", recipe.id(), recipe.shot(),
                    details(recipe, attempt), reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.FAILED, recipe.shot(), recipe.take(), recipe.id(), attempt,
                Optional.of(reason), Optional.empty()));
        changed.run();
    }

    /** Records that attempt {@code attempt} (0: none started) ends and the render is tried again after {@code delay}. */
    void retry(Recipe recipe, int attempt, AttemptOutcome outcome, String reason, Duration delay) {
        store.database().transaction(c -> {
            if (attempt > 0) {
                store.renders().endAttempt(c, recipe.id(), attempt, outcome.word(), reason);
            }
            store.events().append(c, Event.of(options.worker(), "retry", recipe.id(), recipe.shot(),
                    details(recipe, attempt), reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.RETRY, recipe.shot(), recipe.take(), recipe.id(), attempt,
                Optional.of(reason + "; again in " + delay.toMillis() + " ms"), Optional.empty()));
    }

    /** Closes an attempt that ended in an exception nobody expected; the queue decides what follows. */
    void error(Recipe recipe, int attempt, String reason) {
        store.database().transaction(c -> {
            store.renders().endAttempt(c, recipe.id(), attempt, AttemptOutcome.ERROR.word(), reason);
            return null;
        });
    }

    /** Records the start of attempt {@code n}, inside the claim's transaction. */
    void started(java.sql.Connection c, Recipe recipe, int n) throws java.sql.SQLException {
        store.events().append(c, Event.of(options.worker(), "started", recipe.id(), recipe.shot(), details(recipe, n),
                null));
    }

    void startedEvent(Recipe recipe, int n) {
        listener.on(new BuildEvent(BuildEvent.Kind.STARTED, recipe.shot(), recipe.take(), recipe.id(), n,
                Optional.empty(), Optional.empty()));
    }

    private static String details(Recipe r, int attempt) {
        ObjectNode o = JSON.createObjectNode();
        o.put("take", r.take()).put("recipe", r.id()).put("backend", r.backend()).put("attempt", attempt);
        return o.toString();
    }
}
