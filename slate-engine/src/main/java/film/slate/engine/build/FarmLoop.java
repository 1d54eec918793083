package film.slate.engine.build;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker's loop over the shared queue: it picks as many entries as it has free job slots in one
 * statement ({@link FarmQueue#pick}) and claims their renders together, in one transaction
 * ({@link RenderJob#pickAndClaim}), and hands each to a job thread; renders that end together are
 * recorded together ({@link TakeRecorder}'s group commit). So the statements and commits a take
 * costs fall with the number of slots, where db-scheduler handed entries to job threads one by one.
 * A thread beside it heartbeats what the worker holds and revives what dead processes held.
 */
final class FarmLoop {
    /** The longest a free slot waits for others to come free before it is filled alone. */
    static final Duration GATHER = Duration.ofMillis(20);

    private final FarmQueue queue;
    private final RenderJob job;
    private final int jobs;
    private final FarmSettings settings;
    private final Clock clock;
    private final ExecutorService threads;
    private final Thread loop;
    private final ScheduledExecutorService beat;
    private final JobSlots slots;
    /** Queue changes the database did not take (it was away): the loop tries them again. */
    private final ConcurrentLinkedQueue<Runnable> owed = new ConcurrentLinkedQueue<>();
    /** No new entry is picked (the worker is stopping); heartbeats go on for what is still running. */
    private volatile boolean stopping;
    private volatile boolean stopped;

    FarmLoop(FarmQueue queue, RenderJob job, int jobs, FarmSettings settings, Clock clock, String worker) {
        this.queue = queue;
        this.job = job;
        this.jobs = jobs;
        this.slots = new JobSlots(jobs);
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "slate-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // not "slate-queue-": /proc cuts names to 15 characters, and a worker "hea..." would read as the heartbeat
        this.loop = new Thread(this::loop, "slate-pick-" + worker);
        loop.setDaemon(true);
        this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slate-queue-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        loop.start();
        long every = settings.heartbeat().toMillis();
        beat.scheduleWithFixedDelay(this::heartbeat, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * On a thread of its own, so that a slow pick or claim never delays it past dead-after: renews
     * what this worker holds and revives what silent processes held.
     */
    private void heartbeat() {
        try {
            Instant now = clock.instant();
            queue.heartbeat(now);
            queue.reviveDead(now.minus(settings.deadAfter()));
        } catch (RuntimeException away) {
            // the database is away: the next beat tries again
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                settleOwed();
                int free = freeSlots();
                List<FarmQueue.Entry> picked = new ArrayList<>();
                List<RenderJob.Step> steps = free == 0 ? List.of() : pickAndClaim(free, picked);
                dispatch(picked, steps);
                if (!picked.isEmpty()) {
                    continue; // more may be due (another worker held some rows a moment): look again at once
                }
                // Nothing due: look again after a poll (an ending render does not end that wait). Slots full:
                // wait for one to come free (stopping: for the stop, or a heartbeat's time).
                slots.await(free > 0 || stopping ? JobSlots.NONE : 1,
                        (free > 0 ? settings.poll() : settings.heartbeat()).toNanos(), () -> stopped);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException away) {
                // The database is away: the loop tries again after a poll (renders under way wait in OutageWait).
                try {
                    Thread.sleep(settings.poll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * The free job slots, once at least a quarter of them are free or a moment has passed: renders
     * that end together are picked together (one statement for many), and a slot waits at most
     * {@link #GATHER} for the others.
     */
    private int freeSlots() throws InterruptedException {
        if (stopping || slots.free() == 0) {
            return 0;
        }
        int free = slots.await(Math.max(1, jobs / 4), GATHER.toNanos(), () -> stopping);
        return stopping ? 0 : free;
    }

    /**
     * Picks and claims in one transaction ({@link RenderJob#pickAndClaim}: one commit a batch). When it
     * fails it rolled back, unless only its commit's answer was lost: what it may have picked is put back
     * (a no-op for entries this worker does not hold), so no entry stays held with no job behind it.
     */
    private List<RenderJob.Step> pickAndClaim(int free, List<FarmQueue.Entry> picked) {
        Instant now = clock.instant();
        try {
            return job.pickAndClaim(queue, free, now, picked);
        } catch (RuntimeException e) {
            picked.forEach(entry -> settle(() -> queue.later(entry, now)));
            throw e;
        }
    }

    private void dispatch(List<FarmQueue.Entry> picked, List<RenderJob.Step> steps) {
        if (picked.isEmpty()) {
            return;
        }
        slots.taken(picked.size());
        for (int i = 0; i < picked.size(); i++) {
            FarmQueue.Entry entry = picked.get(i);
            RenderJob.Step step = steps.get(i);
            threads.execute(() -> finish(entry, step));
        }
    }

    /** Runs one entry's step on a job thread, then removes the entry or puts it back for later. */
    private void finish(FarmQueue.Entry entry, RenderJob.Step step) {
        boolean again = false;
        try {
            if (!step.run()) {
                settle(() -> queue.remove(entry));
            }
        } catch (RetryLater r) {
            again = true;
            settle(() -> queue.later(entry, clock.instant().plus(r.delay())));
        } catch (RuntimeException | Error e) {
            Optional<Duration> retry = Optional.empty();
            try {
                retry = job.unexpected(entry.recipe(), e);
            } finally {
                Optional<Duration> delay = retry;
                again = delay.isPresent();
                if (again) {
                    settle(() -> queue.later(entry, clock.instant().plus(delay.get())));
                } else {
                    job.givenUp().add(entry.recipe()); // even when recording it failed
                    settle(() -> queue.remove(entry));
                }
            }
        } finally {
            if (!again) {
                job.left(entry.recipe());
            }
            slots.ended();
        }
    }

    private void settle(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException away) {
            owed.add(change);
        }
    }

    private void settleOwed() {
        for (Runnable change = owed.poll(); change != null; change = owed.poll()) {
            try {
                change.run();
            } catch (RuntimeException away) {
                owed.add(change);
                return;
            }
        }
    }

    /**
     * Picks no more; lets running renders finish within {@code grace}, then interrupts them (the
     * job hands an interrupted render back); hands back whatever the worker still holds.
     */
    void stop(Duration grace) {
        stopping = true;
        slots.wakeLoop();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(1, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        loop.interrupt();
        try {
            loop.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        beat.shutdownNow();
        settleOwed();
        try {
            queue.handBackAll();
        } catch (RuntimeException away) {
            // the database is away: the entries come free when this worker's heartbeats are missed
        }
    }
}
