package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import java.time.Duration;
import java.util.Optional;

/**
 * The claim side of a render: a take that conditions on another (previz) waits for it without
 * spending an attempt; then, in one transaction, only a queued (or revived) render with no output
 * yet starts, and only when the budget holds its estimate.
 */
final class TakeClaim {
    /** How often a take looks again for the input it conditions on; waiting is not an attempt. */
    static final Duration INPUT_WAIT = Duration.ofMillis(200);

    enum Outcome {
        /** This worker runs attempt {@link Result#attempt()}. */
        CLAIMED,
        /** Rendered by another worker, or given up: nothing to do. */
        TAKEN,
        /** An input failed for good: so does this render. */
        INPUT_FAILED,
        /** The estimate would pass the budget. */
        OVER_BUDGET
    }

    record Result(Outcome outcome, int attempt, String reason) {
        static Result of(Outcome outcome) {
            return new Result(outcome, 0, "");
        }
    }

    private final Store store;
    private final Budget budget;
    private final TakeRecorder recorder;
    private final String worker;

    TakeClaim(Store store, Budget budget, TakeRecorder recorder, String worker) {
        this.store = store;
        this.budget = budget;
        this.recorder = recorder;
        this.worker = worker;
    }

    /**
     * Claims the render of {@code recipe}.
     *
     * @throws RetryLater while an input is not rendered yet
     */
    Result claim(Recipe recipe, double estimate) {
        for (RecipeContent.Input in : recipe.content().inputs()) {
            if (store.takes().withRecipe(in.recipe()).isEmpty()) {
                Optional<RenderRecord> input = store.renders().get(in.recipe());
                if (input.isPresent() && RenderState.of(input.get()) == RenderState.FAILED) {
                    return new Result(Outcome.INPUT_FAILED, 0, "its " + in.role() + " input "
                            + in.recipe().substring(0, 12) + " failed; fix that take first");
                }
                throw new RetryLater("waiting for its " + in.role() + " input", INPUT_WAIT);
            }
        }
        return store.database().transaction(c -> {
            if (store.takes().withRecipe(c, recipe.id()).filter(t -> t.label().equals(recipe.label())).isPresent()) {
                return Result.of(Outcome.TAKEN);
            }
            Optional<RenderRecord> r = store.renders().get(c, recipe.id());
            if (r.isEmpty() || RenderState.of(r.get()) == RenderState.FAILED
                    || RenderState.of(r.get()) == RenderState.RENDERED) {
                return Result.of(Outcome.TAKEN);
            }
            if (!budget.reserve(estimate)) {
                return Result.of(Outcome.OVER_BUDGET);
            }
            int n = store.renders().start(c, recipe.id(), worker);
            recorder.started(c, recipe, n);
            return new Result(Outcome.CLAIMED, n, "");
        });
    }
}
