package film.slate.engine.build;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import film.slate.store.db.Event;
import film.slate.store.db.QueueStatistics;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.TakeRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a build plan: queues the takes that lack an output, runs them as db-scheduler jobs on the
 * store's database and waits until each is rendered or failed. Jobs left by a killed build are
 * revived by the scheduler's dead-execution detection (heartbeats of half a second), so a new
 * build picks them up within seconds.
 */
public final class Builder {
    static final String TASK = "render-take";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Store store;
    private final Backends backends;
    private final BuildOptions options;
    private final Clock clock;
    /** Signalled whenever a render of this build ends, so the wait for the last one needs no sleep. */
    private final Object ended = new Object();
    /** How many times a render of this build ended (guarded by {@link #ended}). */
    private int endedHere;

    public Builder(Store store, Backends backends, BuildOptions options) {
        this(store, backends, options, Clock.systemUTC());
    }

    /** A builder whose times (take records, the queue's schedule) come from {@code clock}. */
    public Builder(Store store, Backends backends, BuildOptions options, Clock clock) {
        this.store = store;
        this.backends = backends;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Renders what the plan lacks. Holds the store's lock shared while it runs, so that
     * {@code slate gc} never removes an object that a render has stored but not yet recorded.
     */
    public BuildSummary run(BuildPlan plan, BuildListener listener) {
        StoreLock.Lease lease;
        try {
            lease = StoreLock.shared(store.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the store's lock in " + store.root(), e);
        }
        FarmPresence farm = null;
        try {
            farm = FarmPresence.onFarm(store, options);
            return runLocked(plan, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while slate gc held the store", e);
        } finally {
            if (farm != null) {
                farm.close();
            }
            lease.close();
        }
    }

    /**
     * {@code slate build --farm}: queues what the plan lacks for the farm's workers ({@code slate
     * worker}) and returns at once, rendering nothing here.
     */
    public FarmBuild.Queued enqueue(BuildPlan plan, BuildListener listener) {
        Map<String, Recipe> wanted = new LinkedHashMap<>();
        int cached = select(plan, listener, wanted);
        if (!wanted.isEmpty()) {
            RecipeRefs.store(wanted.values(), backends.production().root(), store.objects());
            queue(wanted, listener);
            FarmBuild.schedule(store, wanted.values(), clock);
            QueueStatistics.refresh(store.database()); // the workers plan for the queue as it now is
        }
        return new FarmBuild.Queued(wanted, cached);
    }

    private BuildSummary runLocked(BuildPlan plan, BuildListener listener) {
        Instant t0 = clock.instant();
        clearDeadWork();
        Map<String, Recipe> wanted = new LinkedHashMap<>();
        int cached = select(plan, listener, wanted);
        if (wanted.isEmpty()) {
            return new BuildSummary(0, cached, 0, Duration.between(t0, clock.instant()), 0);
        }
        RecipeRefs.store(wanted.values(), backends.production().root(), store.objects());
        queue(wanted, listener);
        store.workers().handBackDead(TASK, Worker.name()); // a killed build's takes, now, not after dead-after
        Budget budget = new Budget(options.budget());
        // Workers share one queue with every build on this store (a farm); report only this build's takes.
        BuildListener ours = e -> {
            if (wanted.containsKey(e.recipe())) {
                listener.on(e);
            }
        };
        RenderJob job = new RenderJob(store, backends, options, budget, ours, wanted, clock, this::signal);
        render(wanted, job);
        Counts n = count(wanted, job, listener);
        return new BuildSummary(n.rendered(), cached + n.elsewhere(), n.failed(), Duration.between(t0, clock.instant()),
                budget.spent());
    }

    /** Sorts the plan's takes into those the store has (reused, reported cached; returns how many) and {@code wanted}. */
    private int select(BuildPlan plan, BuildListener listener, Map<String, Recipe> wanted) {
        int cached = 0;
        // A take made from its recipe has that recipe in the store already (takes reference recipes).
        List<Recipe> unknown = new ArrayList<>();
        for (PlannedTake t : plan.takes()) {
            if (Status.need(t) == Status.Need.RENDER) {
                unknown.add(t.recipe());
            }
        }
        if (!unknown.isEmpty()) {
            store.recipes().put(unknown);
        }
        for (PlannedTake t : plan.takes()) {
            Recipe r = t.recipe();
            Status.Need need = Status.need(t); // the one rule status and why follow too
            if (need != Status.Need.RENDER) {
                cached++;
                if (need == Status.Need.REUSE) {
                    reuse(t); // made before from this very recipe: a new version that points at the same output
                }
                listener.on(new BuildEvent(BuildEvent.Kind.CACHED, r.shot(), r.take(), r.id(), 0, Optional.empty(),
                        Optional.empty()));
                continue;
            }
            wanted.put(r.id(), r);
            for (Recipe input : r.inputs()) {
                if (store.takes().withRecipe(input.id()).isEmpty()) {
                    wanted.put(input.id(), input); // the previz a conditioned generator needs
                }
            }
        }
        return cached;
    }

    private void queue(Map<String, Recipe> wanted, BuildListener listener) {
        store.database().transaction(c -> {
            for (Recipe r : wanted.values()) {
                if (store.renders().queue(c, r.id(), r.shot(), r.take(), r.backend())) {
                    store.events().append(c, Event.of(options.worker(), "queued", r.id(), r.shot(),
                            "{\"take\":" + r.take() + ",\"recipe\":\"" + r.id() + "\"}", null));
                }
            }
            return null;
        });
        wanted.values().forEach(r -> listener.on(new BuildEvent(BuildEvent.Kind.QUEUED, r.shot(), r.take(), r.id(), 0,
                Optional.empty(), Optional.empty())));
    }

    /** Runs the wanted renders as db-scheduler jobs on the store's database until each is rendered or failed. */
    private void render(Map<String, Recipe> wanted, RenderJob job) {
        synchronized (ended) {
            endedHere = 0;
        }
        var task = job.task(retry(job, clock, this::signal));
        FarmSettings farm = options.farmOn(store.database().dialect()); // one setting for every process on the store
        Scheduler scheduler = Scheduler.create(store.database().dataSource(), task)
                .threads(options.jobs())
                .pollingInterval(POLL)
                .heartbeatInterval(farm.heartbeat())
                .missedHeartbeatsLimit(farm.missed())
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(options.worker()))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .clock(clock::instant)
                .build();
        scheduler.start();
        try {
            // Inputs first, so that a conditioned render finds its previz.
            List<Recipe> order = new ArrayList<>(wanted.values());
            order.sort((a, b) -> Boolean.compare(!a.inputs().isEmpty(), !b.inputs().isEmpty()));
            Instant now = clock.instant();
            for (Recipe r : order) {
                scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, r.id()), now);
            }
            QueueStatistics.refresh(store.database());
            waitFor(wanted.keySet(), job);
        } finally {
            scheduler.stop();
            job.close();
        }
        job.diskFull().ifPresent(sentence -> {
            throw new film.slate.store.DiskFullException(sentence, null);
        });
    }

    /** Rendered here, failed, and rendered meanwhile by another build (reported cached), of the wanted renders. */
    private record Counts(int rendered, int failed, int elsewhere) {
    }

    private Counts count(Map<String, Recipe> wanted, RenderJob job, BuildListener listener) {
        Map<String, RenderRecord> renders = store.renders().all();
        int rendered = 0;
        int failed = 0;
        int cached = 0;
        for (String id : wanted.keySet()) {
            RenderRecord r = renders.get(id);
            if (r != null && RenderState.of(r) == RenderState.FAILED || job.givenUp().contains(id)) {
                failed++;
            } else if (job.renderedHere().contains(id)) {
                rendered++;
            } else {
                cached++; // rendered meanwhile by another build
                Recipe recipe = wanted.get(id);
                listener.on(new BuildEvent(BuildEvent.Kind.CACHED, recipe.shot(), recipe.take(), id, 0,
                        Optional.of("rendered by another build"), Optional.empty()));
            }
        }
        return new Counts(rendered, failed, cached);
    }

    private void signal() {
        synchronized (ended) {
            endedHere++;
            ended.notifyAll();
        }
    }

    /** Removes the work folders of killed builds (they may hold what a killed program wrote); live builds keep theirs. */
    private void clearDeadWork() {
        try {
            store.work().clearDead(false);
        } catch (IOException e) {
            // a leftover folder is harmless; gc removes it
        }
    }

    /**
     * Waits until every wanted render is rendered or failed, asking the store for the renders still
     * open every {@link #POLL}, and at once when as many renders of this build have ended as it
     * wants (not at each one: thousands of no-op takes would ask thousands of times).
     */
    private void waitFor(java.util.Set<String> ids, RenderJob job) {
        int asked;
        while (true) {
            synchronized (ended) {
                asked = endedHere;
            }
            java.util.Set<String> open = store.renders().open();
            if (job.diskFull().isPresent() || ids.stream().noneMatch(id -> open.contains(id) && !job.givenUp().contains(id))) {
                return;
            }
            try {
                // Woken when the last render of this build ends; the timeout catches renders other builds finish.
                synchronized (ended) {
                    long until = System.nanoTime() + POLL.toNanos();
                    long left;
                    while ((endedHere < ids.size() || endedHere == asked) && (left = until - System.nanoTime()) > 0) {
                        ended.wait(Math.max(1, left / 1_000_000));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void reuse(PlannedTake t) {
        TakeRecord old = t.existing().orElseThrow();
        long now = clock.millis();
        store.database().transaction(c -> {
            TakeRecord v = store.takes().append(c, old.shot(), old.take(), old.recipe(), old.backend(),
                    new film.slate.store.db.Takes.Output(old.master().orElseThrow(), old.proxy(), old.depth()), now, now,
                    OptionalDouble.empty());
            store.events().append(c, Event.of(options.worker(), "reused", "take " + v.label() + " v" + v.version(),
                    old.shot(), "{\"recipe\":\"" + old.recipe() + "\",\"from_version\":" + old.version() + "}",
                    "the plan went back to a recipe rendered before"));
            return null;
        });
    }

    /**
     * Transient faults come back as {@link RetryLater} with their backoff. Anything else is
     * unexpected: retried with backoff a few times, then recorded as failed and dropped.
     */
    static FailureHandler<Void> retry(RenderJob job, Clock clock, Runnable signal) {
        return (complete, ops) -> {
            Optional<Throwable> cause = complete.getCause();
            if (cause.isPresent() && cause.get() instanceof RetryLater r) {
                ops.reschedule(complete, clock.instant().plus(r.delay()));
                return;
            }
            Optional<Duration> again = Optional.empty();
            try {
                again = job.unexpected(complete.getExecution().taskInstance.getId(), cause.orElse(null));
            } finally {
                if (again.isPresent()) {
                    ops.reschedule(complete, clock.instant().plus(again.get()));
                } else {
                    job.givenUp().add(complete.getExecution().taskInstance.getId()); // even when recording it failed
                    ops.stop();
                    signal.run();
                }
            }
        };
    }
}
