package film.slate.engine.build;

import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.io.IOException;
import film.slate.store.db.DatabaseClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slate worker}: renders takes from the store's shared queue, for the backends it can
 * reach, until it is stopped. It registers in the store's {@code workers} table and heartbeats
 * there ({@link FarmPresence}); its loop ({@link FarmLoop}) picks only its backends' renders, as
 * many at once as it has free job slots, heartbeats the renders it holds, and revives those of
 * dead processes.
 * Stopping takes no new render, lets running ones finish for the grace time, then hands back
 * what it still holds (the queue offers it to any worker at once).
 */
public final class FarmWorker implements AutoCloseable {
    private final Store store;
    private final List<String> backendNames;
    private final BuildOptions options;
    private final Duration grace;
    private final FarmSettings settings;
    private final Clock clock;
    private final RenderJob job;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private FarmPresence presence;
    /**
     * Lets go of the store's lock, held shared on a thread of its own (the lock belongs to the thread
     * that took it, and stop may come on another): gc on this machine waits for the worker.
     */
    private final CountDownLatch unlock = new CountDownLatch(1);
    private FarmLoop loop;

    /**
     * A worker on {@code store} for {@code backendNames} (each defined by the production), running
     * {@code options.jobs()} renders at once, named {@code options.worker()}; it reports to {@code listener}.
     */
    public FarmWorker(Store store, Backends backends, List<String> backendNames, BuildOptions options, Duration grace,
            BuildListener listener) {
        this.store = store;
        this.backendNames = List.copyOf(backendNames);
        this.options = options;
        this.grace = grace;
        this.settings = options.farmOn(store.database().dialect());
        this.clock = new DatabaseClock(store.database());
        this.job = new RenderJob(store, backends, options, new Budget(OptionalDouble.empty()), listener, Map.of(),
                Clock.systemUTC(), () -> { });
    }

    /** Registers (waiting while gc holds the store) and starts taking renders. */
    public void start() throws InterruptedException, IOException {
        holdLock();
        presence = FarmPresence.join(store, options.worker(), backendNames, options.jobs(), settings, clock);
        loop = new FarmLoop(new FarmQueue(store, backendNames, options.worker()), job, options.jobs(), settings, clock,
                options.worker());
        loop.start();
    }

    private void holdLock() throws IOException, InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        IOException[] failed = new IOException[1];
        Thread t = new Thread(() -> {
            try {
                StoreLock.Lease lease = StoreLock.shared(store.root());
                try {
                    held.countDown();
                    unlock.await();
                } finally {
                    lease.close();
                }
            } catch (IOException e) {
                failed[0] = e;
                held.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slate-worker-store-lock");
        t.setDaemon(true);
        t.start();
        held.await();
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /**
     * Whether the queue still holds renders of this worker's backends (waiting, running or retrying):
     * 1 if so, else 0. Not the whole count: that reads every entry of the queue, and an idle worker asks often.
     */
    public int queued() {
        return store.workers().queued(Builder.TASK, backendNames, 1);
    }

    /** The longest a render abandoned by a dead process waits before a worker takes it up. */
    public Duration pickupWithin() {
        return settings.pickupWithin();
    }

    /** Waits until {@link #stop} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Takes no new render, lets those running finish within the grace time, hands back the rest,
     * and leaves the workers table as stopped. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            if (presence != null) {
                presence.stopping();
            }
            job.stop();
            if (loop != null) {
                loop.stop(grace); // waits up to the grace time, then interrupts: interrupted renders are handed back
            }
        } finally {
            job.close();
            if (presence != null) {
                presence.close();
            }
            unlock.countDown();
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
