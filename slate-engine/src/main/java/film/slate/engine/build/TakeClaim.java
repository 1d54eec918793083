package film.slate.engine.build;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claim side of a render: a take that conditions on another (previz) waits for it without
 * spending an attempt; then only a queued (or revived) render with no output yet starts, and only
 * when the budget holds its estimate. The claims of a process's job threads that arrive together
 * are made in one transaction (a batch: a few statements and one commit for all of them).
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

    /** The most claims one transaction makes (a worker's job threads, and then some). */
    private static final int GROUP = 64;

    private final Store store;
    private final Budget budget;
    private final TakeRecorder recorder;
    private final String worker;
    private final GroupCommit<Recipe, Integer> group;

    TakeClaim(Store store, Budget budget, TakeRecorder recorder, String worker) {
        this.store = store;
        this.budget = budget;
        this.recorder = recorder;
        this.worker = worker;
        this.group = new GroupCommit<>(this::claimAll, GROUP);
    }

    /**
     * Claims the render of {@code recipe}: with the claims of the other job threads that wait, in
     * one transaction ({@link GroupCommit}).
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
        if (!budget.reserve(estimate)) {
            return open(recipe) ? Result.of(Outcome.OVER_BUDGET) : Result.of(Outcome.TAKEN);
        }
        int attempt = group.submit(recipe);
        if (attempt == 0) {
            budget.settle(estimate, 0);
            return Result.of(Outcome.TAKEN);
        }
        return new Result(Outcome.CLAIMED, attempt, "");
    }

    /**
     * Claims {@code recipes} (picked together, none waiting for an input, their estimates reserved)
     * in the caller's transaction (the pick's, {@link RenderJob#pickAndClaim}); the attempt each starts
     * by recipe, 0 where there is nothing to do.
     */
    Map<String, Integer> claimTogether(Connection c, List<Recipe> recipes) throws SQLException {
        List<Integer> started = claimAll(c, recipes);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < recipes.size(); i++) {
            out.put(recipes.get(i).id(), started.get(i));
        }
        return out;
    }

    /** Whether the render of {@code recipe} is still to be made (not rendered, failed, or made as a take already). */
    private boolean open(Recipe recipe) {
        if (store.takes().withRecipe(recipe.id()).filter(t -> t.label().equals(recipe.label())).isPresent()) {
            return false;
        }
        Optional<RenderRecord> r = store.renders().get(recipe.id());
        return r.isPresent() && RenderState.of(r.get()) != RenderState.FAILED
                && RenderState.of(r.get()) != RenderState.RENDERED;
    }

    /** One transaction: starts each render still to be made, with its {@code started} event; 0 for the others. */
    private List<Integer> claimAll(List<Recipe> recipes) {
        return store.database().transaction(c -> claimAll(c, recipes));
    }

    private List<Integer> claimAll(Connection c, List<Recipe> recipes) throws SQLException {
        Map<String, Integer> started = store.renders().claim(c, recipes.stream().map(Recipe::id).toList(), worker);
        List<Integer> out = new ArrayList<>();
        List<Recipe> claimed = new ArrayList<>();
        for (Recipe r : recipes) {
            int n = started.getOrDefault(r.id(), 0);
            out.add(n);
            if (n > 0) {
                claimed.add(r);
            }
        }
        recorder.started(c, claimed, started);
        return out;
    }
}
