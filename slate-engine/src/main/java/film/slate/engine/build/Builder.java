package film.slate.engine.build;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import film.slate.store.db.Event;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.TakeRecord;
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
    private static final Duration HEARTBEAT = Duration.ofMillis(Long.getLong("slate.heartbeat.ms", 500));

    private final Store store;
    private final Backends backends;
    private final BuildOptions options;

    public Builder(Store store, Backends backends, BuildOptions options) {
        this.store = store;
        this.backends = backends;
        this.options = options;
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
        try {
            return runLocked(plan, listener);
        } finally {
            lease.close();
        }
    }

    private BuildSummary runLocked(BuildPlan plan, BuildListener listener) {
        long t0 = System.nanoTime();
        clearDeadWork();
        Map<String, Recipe> wanted = new LinkedHashMap<>();
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
        if (wanted.isEmpty()) {
            return new BuildSummary(0, cached, 0, Duration.ofNanos(System.nanoTime() - t0), 0);
        }
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

        Budget budget = new Budget(options.budget());
        // Workers share one queue with every build on this store (a farm); report only this build's takes.
        BuildListener ours = e -> {
            if (wanted.containsKey(e.recipe())) {
                listener.on(e);
            }
        };
        RenderJob job = new RenderJob(store, backends, options, budget, ours, wanted);
        OneTimeTask<Void> task = Tasks.oneTime(TASK)
                .onFailure(retry(job))
                .onDeadExecutionRevive()
                .execute((instance, ctx) -> job.run(instance.getId()));
        Scheduler scheduler = Scheduler.create(store.database().dataSource(), task)
                .threads(options.jobs())
                .pollingInterval(POLL)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(options.worker()))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
        try {
            // Inputs first, so that a conditioned render finds its previz.
            List<Recipe> order = new ArrayList<>(wanted.values());
            order.sort((a, b) -> Boolean.compare(!a.inputs().isEmpty(), !b.inputs().isEmpty()));
            Instant now = Instant.now();
            for (Recipe r : order) {
                scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, r.id()), now);
            }
            waitFor(wanted.keySet(), job);
        } finally {
            scheduler.stop();
            job.close();
        }
        job.diskFull().ifPresent(sentence -> {
            throw new film.slate.store.DiskFullException(sentence, null);
        });
        Map<String, RenderRecord> renders = store.renders().all();
        int rendered = 0;
        int failed = 0;
        for (String id : wanted.keySet()) {
            RenderRecord r = renders.get(id);
            if (r != null && r.status().equals(RenderRecord.FAILED) || job.givenUp().contains(id)) {
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
        return new BuildSummary(rendered, cached, failed, Duration.ofNanos(System.nanoTime() - t0), budget.spent());
    }

    /** Removes the work folders of killed builds (they may hold what a killed program wrote); live builds keep theirs. */
    private void clearDeadWork() {
        try {
            store.work().clearDead(false);
        } catch (IOException e) {
            // a leftover folder is harmless; gc removes it
        }
    }

    /** Waits until every wanted render is rendered or failed (asking only for the renders still open). */
    private void waitFor(java.util.Set<String> ids, RenderJob job) {
        while (true) {
            java.util.Set<String> open = store.renders().open();
            if (job.diskFull().isPresent() || ids.stream().noneMatch(id -> open.contains(id) && !job.givenUp().contains(id))) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void reuse(PlannedTake t) {
        TakeRecord old = t.existing().orElseThrow();
        long now = System.currentTimeMillis();
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
    private static FailureHandler<Void> retry(RenderJob job) {
        return (complete, ops) -> {
            Optional<Throwable> cause = complete.getCause();
            if (cause.isPresent() && cause.get() instanceof RetryLater r) {
                ops.reschedule(complete, Instant.now().plus(r.delay()));
                return;
            }
            Optional<Duration> again = Optional.empty();
            try {
                again = job.unexpected(complete.getExecution().taskInstance.getId(), cause.orElse(null));
            } finally {
                if (again.isPresent()) {
                    ops.reschedule(complete, Instant.now().plus(again.get()));
                } else {
                    job.givenUp().add(complete.getExecution().taskInstance.getId()); // even when recording it failed
                    ops.stop();
                }
            }
        };
    }
}
