package film.slate.engine.build;

import film.slate.store.Store;
import film.slate.store.db.DatabaseClock;
import film.slate.store.db.Workers;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code slate gc}'s hold on a farm's store: a lease in the database, taken only while no worker
 * or build is alive there, renewed while gc runs and let go when it ends (a killed gc's lease runs
 * out after the dead-after time). Workers do not join while it is held. On SQLite the store's file
 * lock does this job and the lease is not needed.
 */
public final class GcLease implements AutoCloseable {
    private final Workers workers;
    private final String holder;
    private final ScheduledExecutorService renewer;

    private GcLease(Workers workers, String holder, ScheduledExecutorService renewer) {
        this.workers = workers;
        this.holder = holder;
        this.renewer = renewer;
    }

    /** The outcome of asking: the lease, or who stands in the way. */
    public record Attempt(Optional<GcLease> lease, Optional<String> busy) {
    }

    /**
     * Takes the lease for {@code holder} on a PostgreSQL store (on SQLite: an empty lease, nothing
     * held), for as long as a worker of {@code settings} lives without a heartbeat.
     */
    public static Attempt take(Store store, String holder, FarmSettings settings) {
        if (!store.database().onPostgresql()) {
            return new Attempt(Optional.empty(), Optional.empty());
        }
        Workers workers = store.workers();
        Clock clock = new DatabaseClock(store.database());
        long ttl = settings.deadAfter().toMillis();
        long now = clock.millis();
        Optional<String> busy = workers.leaseForGc(holder, now, now + ttl, now - ttl);
        if (busy.isPresent()) {
            return new Attempt(Optional.empty(), busy);
        }
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slate-gc-lease");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        renewer.scheduleWithFixedDelay(() -> {
            try {
                long t = clock.millis();
                workers.leaseForGc(holder, t, t + ttl, t - ttl);
            } catch (RuntimeException e) {
                // the database is away: the lease runs out, and gc's deletions stop mattering to nobody
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new Attempt(Optional.of(new GcLease(workers, holder, renewer)), Optional.empty());
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        workers.releaseGc(holder);
    }
}
