package film.slate.engine.build;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import film.slate.core.recipe.Recipe;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.store.Store;
import film.slate.store.StoreFault;
import film.slate.store.db.DamagedRecipeException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The work of one job: claim the render of one recipe ({@link TakeClaim}), run it
 * ({@link RenderExecution}) and record the take or why not ({@link TakeRecorder}). Every state
 * change is a transaction with its event; the take row is written only after its objects are
 * durable, so nothing is ever recorded as rendered that was not.
 */
final class RenderJob {
    private static final int DEFAULT_RETRIES = 3;
    /** Attempts at a render that keeps failing with an unexpected exception. */
    static final int ERROR_LIMIT = 3;

    private final Store store;
    private final Backends backends;
    private final BuildOptions options;
    private final Budget budget;
    private final Clock clock;
    private final TakeRecorder recorder;
    private final TakeClaim claims;
    private final RenderExecution execution;
    private final FarmSettings farm;
    private final Map<String, Recipe> known;
    /** Recipes queued by other processes, read from the database: those the job threads ask for together, in one query. */
    private final GroupCommit<String, Optional<Recipe>> stored;
    private final Set<String> renderedHere = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    /** Set when a render found the disk full: the build stops with this sentence. */
    private final AtomicReference<String> diskFull = new AtomicReference<>();
    /** Set when the process stops: an interrupted render is handed back, not retried as a timeout. */
    private volatile boolean stopping;

    /** {@code ended} runs whenever a render of this build is rendered or failed. */
    RenderJob(Store store, Backends backends, BuildOptions options, Budget budget, BuildListener listener,
            Map<String, Recipe> known, Clock clock, Runnable ended) {
        this.store = store;
        this.backends = backends;
        this.options = options;
        this.budget = budget;
        this.clock = clock;
        this.recorder = new TakeRecorder(store, options, listener, ended);
        this.claims = new TakeClaim(store, budget, recorder, options.worker());
        this.farm = options.farmOn(store.database().dialect());
        this.execution = new RenderExecution(store, backends, farm);
        this.known = new ConcurrentHashMap<>(known);
        this.stored = new GroupCommit<>(store.recipes()::getAll, 64);
    }

    Optional<String> diskFull() {
        return Optional.ofNullable(diskFull.get());
    }

    /** The disk is full: what the program said becomes one sentence, the render fails with it, the build stops. */
    private void diskFull(Recipe recipe, int attempt) {
        String sentence = StoreFault.diskFullSentence(store.root());
        diskFull.compareAndSet(null, sentence);
        try {
            recorder.failed(recipe, attempt, AttemptOutcome.DISK_FULL, sentence);
        } catch (RuntimeException alsoFull) {
            // the database's disk is full too: the next build finds the render still open and takes it up
        }
    }

    Set<String> renderedHere() {
        return renderedHere;
    }

    /** Renders this build gave up on after unexpected errors (recorded as failed when the store allowed it). */
    Set<String> givenUp() {
        return givenUp;
    }

    /**
     * An exception nobody expected escaped the job of {@code recipeId}. It is tried again with backoff, {@link
     * #ERROR_LIMIT} times in all; then the render is recorded as failed, once, and empty is returned (the job goes).
     */
    Optional<Duration> unexpected(String recipeId, Throwable e) {
        int n = errors.merge(recipeId, 1, Integer::sum);
        String reason = unexpectedReason(e);
        Recipe recipe;
        try {
            recipe = recipe(recipeId);
        } catch (RuntimeException unknown) {
            givenUp.add(recipeId);
            return Optional.empty(); // a job for a recipe nobody can name: nothing to record it against
        }
        if (n >= ERROR_LIMIT) {
            givenUp.add(recipeId);
            recorder.failed(recipe, 0, AttemptOutcome.ERROR, reason + " (gave up after " + n + " attempts)");
            return Optional.empty();
        }
        Duration delay = Backoff.after(n, options.retryBase());
        recorder.retry(recipe, 0, AttemptOutcome.ERROR, reason, delay);
        return Optional.of(delay);
    }

    static String unexpectedReason(Throwable e) {
        Throwable t = e == null ? new IllegalStateException("no cause") : e;
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        return "an unexpected error (" + t.getClass().getName() + message + "); please report it";
    }

    void close() {
        execution.close();
    }

    /**
     * The queue's task that runs this job: each entry names a recipe; an entry is removed in the
     * transaction that records its take (one commit less a take), else by the queue when the job ends.
     */
    CustomTask<Void> task(FailureHandler<Void> onFailure) {
        return Tasks.custom(Builder.TASK, Void.class)
                .onFailure(onFailure)
                // A dead process's entry is due again at its own time, not now: it keeps its place at
                // the head of the queue instead of waiting behind every take queued after it.
                .onDeadExecution((dead, ops) -> ops.reschedule(dead, dead.getExecution().executionTime))
                .execute((instance, ctx) -> {
                    boolean dequeued = run(instance.getId(), ctx.getExecution().version);
                    return (complete, ops) -> {
                        if (!dequeued) {
                            ops.stop();
                        }
                    };
                });
    }

    /** Runs the job of {@code recipeId} (entry at {@code queueVersion}; RetryLater: again later); did the entry go? */
    boolean run(String recipeId, long queueVersion) {
        if (diskFull.get() != null) {
            return false; // the build is stopping: the render stays queued for the next one
        }
        Recipe recipe;
        try {
            recipe = recipe(recipeId);
        } catch (DamagedRecipeException damaged) {
            recorder.damaged(recipeId, damaged); // failed for good: the entry goes, and is not picked again
            return false;
        }
        Generator generator;
        try {
            generator = backends.generator(recipe.backend());
        } catch (BuildException e) {
            recorder.failed(recipe, 0, AttemptOutcome.PERMANENT, e.getMessage());
            return false;
        }
        double estimate = estimate(recipe);
        TakeClaim.Result claim = claims.claim(recipe, estimate);
        switch (claim.outcome()) {
            case TAKEN -> {
                return false;
            }
            case INPUT_FAILED -> recorder.failed(recipe, 0, AttemptOutcome.PERMANENT, claim.reason());
            case OVER_BUDGET -> recorder.failed(recipe, 0, AttemptOutcome.BUDGET, String.format(Locale.ROOT,
                    "the budget of %.2f would be passed by this render (estimate %.2f, spent %.2f); raise --budget",
                    options.budget().orElse(0), estimate, budget.spent()));
            case CLAIMED -> {
                recorder.startedEvent(recipe, claim.attempt());
                return execute(recipe, generator, claim.attempt(), estimate, queueVersion);
            }
        }
        return false;
    }

    /** What a job thread does for one picked entry; answers whether the entry went with the take. */
    interface Step {
        boolean run();
    }

    /**
     * Picks up to {@code most} due entries from {@code queue} and claims their renders, in one
     * transaction (one commit a batch): the renders that need nothing first (no input to wait for, a
     * backend this worker knows, within the budget) are claimed together, their recipes read in one
     * query. A step for each entry picked (added to {@code picked} as soon as the pick answers, so a
     * caller whose commit failed knows what it may hold), in order: a claimed render's execution, or
     * the whole job ({@link #run}) for the others. When the transaction fails nothing is picked or
     * claimed and the budget's reservations are given back.
     */
    List<Step> pickAndClaim(FarmQueue queue, int most, Instant now, List<FarmQueue.Entry> picked) {
        Map<String, Ready> ready = new LinkedHashMap<>();
        Map<String, Integer> attempts;
        try {
            attempts = store.database().transaction(c -> {
                picked.addAll(queue.pick(c, most, now));
                List<String> missing = picked.stream().map(FarmQueue.Entry::recipe).filter(id -> !known.containsKey(id))
                        .distinct().toList();
                // a damaged row is left out (run() fails its render), not thrown: the batch would come back for ever
                List<Optional<Recipe>> read = missing.isEmpty() ? List.of()
                        : store.recipes().getSound(c, missing);
                for (int i = 0; i < read.size(); i++) {
                    String id = missing.get(i);
                    read.get(i).ifPresent(r -> known.put(id, r));
                }
                List<Recipe> claim = new ArrayList<>();
                for (FarmQueue.Entry e : picked) {
                    Recipe r = known.get(e.recipe());
                    Optional<Generator> g = r == null || !r.content().inputs().isEmpty() || diskFull.get() != null
                            ? Optional.empty() : generator(r);
                    if (g.isPresent() && !ready.containsKey(r.id()) && budget.reserve(estimate(r))) {
                        ready.put(r.id(), new Ready(r, g.get()));
                        claim.add(r);
                    }
                }
                return claim.isEmpty() ? Map.<String, Integer>of() : claims.claimTogether(c, claim);
            });
        } catch (RuntimeException e) {
            ready.values().forEach(x -> budget.settle(estimate(x.recipe()), 0));
            throw e;
        }
        return steps(picked, ready, attempts);
    }

    /** A render claimed in a batch: its recipe (held by the step, whatever {@link #left} lets go) and generator. */
    private record Ready(Recipe recipe, Generator generator) { }

    /** Each picked entry's step: its claimed render's execution, nothing (made already) or the whole job. */
    private List<Step> steps(List<FarmQueue.Entry> picked, Map<String, Ready> ready, Map<String, Integer> attempts) {
        List<Step> steps = new ArrayList<>();
        for (FarmQueue.Entry e : picked) {
            Ready claimed = ready.remove(e.recipe());
            if (claimed == null) {
                steps.add(() -> run(e.recipe(), e.version()));
                continue;
            }
            Recipe r = claimed.recipe();
            int n = attempts.getOrDefault(r.id(), 0);
            if (n == 0) {
                budget.settle(estimate(r), 0);
                steps.add(() -> false); // rendered or given up already: the entry just goes
            } else {
                steps.add(() -> {
                    recorder.startedEvent(r, n);
                    return execute(r, claimed.generator(), n, estimate(r), e.version());
                });
            }
        }
        return steps;
    }

    /** A farm worker's entry of {@code recipeId} left it (recorded, failed or given up): its recipe is let go (read
     * again if queued again); kept, a worker held every recipe it ever rendered (~5 KB a take, RESULTS.md). */
    void left(String recipeId) {
        known.remove(recipeId);
        renderedHere.remove(recipeId);
        errors.remove(recipeId);
    }

    private Optional<Generator> generator(Recipe r) {
        try {
            return Optional.of(backends.generator(r.backend()));
        } catch (BuildException e) {
            return Optional.empty(); // run() records why
        }
    }

    /** Attempt {@code n}: render, store and record, or record why not (retrying what may pass); did the entry go? */
    private boolean execute(Recipe recipe, Generator generator, int n, double estimate, long queueVersion) {
        Path out = null;
        long started = clock.millis();
        boolean clean = false;
        boolean dequeued = false;
        try {
            out = execution.workFolder();
            RenderExecution.Stored stored = execution.render(recipe, generator, out);
            OptionalDouble cost = stored.result().cost().isPresent() ? stored.result().cost()
                    : estimate > 0 ? OptionalDouble.of(estimate) : OptionalDouble.empty();
            budget.settle(estimate, cost.orElse(0));
            Optional<TakeRecorder.Recorded> recorded = OutageWait.through(farm.outage(), () -> recorder.rendered(recipe, n,
                    stored, started, clock.millis(), cost, queueVersion));
            if (recorded.isPresent()) {
                renderedHere.add(recipe.id());
                dequeued = recorded.get().dequeued();
            }
            clean = true;
        } catch (GeneratorFault e) {
            budget.settle(estimate, 0);
            if (StoreFault.diskFull(e)) {
                diskFull(recipe, n);
            } else if (e.isTransient()) {
                retryOrFail(recipe, n, e.getMessage());
            } else {
                recorder.failed(recipe, n, AttemptOutcome.PERMANENT, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.interrupted();
            budget.settle(estimate, 0);
            if (stopping) {
                handBack(recipe, n);
            }
            retryOrFail(recipe, n, "timed out after " + timeout(recipe) + " s");
        } catch (IOException e) {
            budget.settle(estimate, 0);
            if (StoreFault.diskFull(e)) {
                diskFull(recipe, n);
                return false;
            }
            retryOrFail(recipe, n, "could not write the output (" + e.getMessage() + ")");
        } catch (BuildException e) {
            budget.settle(estimate, 0);
            recorder.failed(recipe, n, AttemptOutcome.PERMANENT, e.getMessage());
        } catch (RuntimeException e) {
            budget.settle(estimate, 0);
            if (StoreFault.diskFull(e)) {
                diskFull(recipe, n);
                return false;
            }
            // Nobody expected this (a bug in a generator or here): close the attempt, let the queue decide.
            recorder.error(recipe, n, unexpectedReason(e));
            throw e;
        } finally {
            if (out != null) {
                execution.release(out, clean);
            }
        }
        return dequeued;
    }

    /** Stopping (SIGTERM): the render it interrupts goes back to the queue at once, not counted against its retries. */
    void stop() {
        stopping = true;
    }

    private void handBack(Recipe recipe, int attempt) {
        String reason = "handed back: its worker " + options.worker() + " stopped";
        recorder.retry(recipe, attempt, AttemptOutcome.TRANSIENT, reason, Duration.ZERO);
        throw new RetryLater(reason, Duration.ZERO);
    }

    private void retryOrFail(Recipe recipe, int attempt, String reason) {
        int retries = (int) Backends.number(config(recipe), "retries").orElse((double) DEFAULT_RETRIES).doubleValue();
        if (attempt > retries) {
            recorder.failed(recipe, attempt, AttemptOutcome.TRANSIENT, reason + " (gave up after " + attempt + " attempts)");
            return;
        }
        Duration delay = Backoff.after(attempt, options.retryBase());
        recorder.retry(recipe, attempt, AttemptOutcome.TRANSIENT, reason, delay);
        throw new RetryLater(reason, delay);
    }

    private Recipe recipe(String id) {
        Recipe r = known.get(id);
        if (r == null) {
            // queued by another process: its recipe is in the database
            r = stored.submit(id).orElseThrow(() -> new IllegalStateException("the queue names recipe " + id
                    + ", which the store does not hold"));
            known.put(id, r);
        }
        return r;
    }

    private double estimate(Recipe recipe) {
        try {
            return backends.costPerSecond(recipe.backend()).orElse(0.0) * recipe.duration();
        } catch (BuildException e) {
            return 0;
        }
    }

    private double timeout(Recipe recipe) {
        return execution.timeout(config(recipe));
    }

    private film.slate.core.model.BackendConfig config(Recipe recipe) {
        try {
            return backends.config(recipe.backend());
        } catch (BuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
