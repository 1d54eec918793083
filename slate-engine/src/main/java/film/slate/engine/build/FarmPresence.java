package film.slate.engine.build;

import film.slate.store.Store;
import film.slate.store.db.Database;
import film.slate.store.db.Workers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process's row in the store's {@code workers} table, kept alive by a heartbeat on the
 * database's clock: {@code slate workers} lists it, and {@code slate gc} does not take the store
 * while it is alive. Joining waits while gc holds its lease; a process whose heartbeat lapsed
 * (the database was away) joins again the same way before it goes on.
 */
final class FarmPresence implements AutoCloseable {
    private final Workers workers;
    private final String name;
    private final List<String> backends;
    private final int jobs;
    private final FarmSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slate-worker-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private FarmPresence(Workers workers, String name, List<String> backends, int jobs, FarmSettings settings,
            Clock clock) {
        this.workers = workers;
        this.name = name;
        this.backends = List.copyOf(backends);
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Joins the farm as {@code name}, waiting while {@code slate gc} holds the store; heartbeats from now on. */
    static FarmPresence join(Store store, String name, List<String> backends, int jobs, FarmSettings settings,
            Clock clock) throws InterruptedException {
        FarmPresence p = new FarmPresence(store.workers(), name, backends, jobs, settings, clock);
        p.register();
        long every = settings.heartbeat().toMillis();
        p.beat.scheduleWithFixedDelay(p::heartbeat, every, every, TimeUnit.MILLISECONDS);
        return p;
    }

    /**
     * A build's presence on a PostgreSQL store (a farm, where the store's file lock reaches only
     * this machine), so that gc on another machine waits for it; none on SQLite, where the file lock does.
     */
    static FarmPresence onFarm(Store store, BuildOptions options) throws InterruptedException {
        if (!store.database().onPostgresql()) {
            return null;
        }
        return join(store, options.worker(), List.of(), options.jobs(), options.farmOn(Database.POSTGRESQL),
                new film.slate.store.db.DatabaseClock(store.database()));
    }

    private void register() throws InterruptedException {
        while (true) {
            Optional<String> gc = workers.register(name, host(), backends, jobs, clock.millis());
            if (gc.isEmpty()) {
                return;
            }
            Thread.sleep(settings.heartbeat().toMillis()); // gc holds the store: ask again at the next heartbeat
        }
    }

    private void heartbeat() {
        try {
            long now = clock.millis();
            if (!workers.heartbeat(name, now, now - settings.deadAfter().toMillis())) {
                register();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is away: the next heartbeat tries again (and joins again if it lapsed)
        }
    }

    void stopping() {
        try {
            workers.state(name, Workers.STOPPING);
        } catch (RuntimeException e) {
            // the row lapses by itself
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Stops heartbeating and leaves the row as stopped. */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            workers.state(name, Workers.STOPPED);
        } catch (RuntimeException e) {
            // the row lapses by itself: a missed heartbeat makes it dead
        }
    }
}
