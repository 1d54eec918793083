package film.slate.engine.build;

import film.slate.core.model.BackendConfig;
import film.slate.store.Store;
import film.slate.store.db.BackendSlots;
import film.slate.store.db.DatabaseClock;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A backend's {@code concurrency:} held across the whole farm: a render takes one of the
 * backend's slots in the database before it sends anything, whichever process it runs in, and
 * lets go when it ends. The slots a process holds are renewed with its heartbeat, so the slots of
 * a killed process come free once it counts as dead. A backend without {@code concurrency:} has
 * no farm-wide limit (only its generator's, per process).
 */
final class FarmSlots implements AutoCloseable {
    private final BackendSlots slots;
    private final Clock clock;
    private final FarmSettings settings;
    private final String owner;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Object freed = new Object();
    private volatile ScheduledExecutorService renewer;

    FarmSlots(Store store, String owner, FarmSettings settings) {
        this.slots = new BackendSlots(store.database());
        this.clock = new DatabaseClock(store.database());
        this.settings = settings;
        this.owner = owner;
    }

    /** A held slot (or none, for a backend without a farm-wide limit); closing it lets go. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a slot of {@code backend} when its configuration sets {@code concurrency:}. */
    Held take(String backend, BackendConfig config) throws InterruptedException {
        var limit = Backends.number(config, "concurrency");
        if (limit.isEmpty()) {
            return () -> { };
        }
        int n = (int) Math.max(1, Math.min(limit.get(), 100_000));
        String holder = owner + "/" + UUID.randomUUID();
        while (true) {
            long now = clock.millis();
            if (slots.take(backend, n, holder, now, now + settings.deadAfter().toMillis())) {
                break;
            }
            synchronized (freed) {
                freed.wait(settings.poll().toMillis()); // woken when a render here lets go; else polls the farm
            }
        }
        held.add(holder);
        renewing();
        return () -> {
            held.remove(holder);
            slots.release(holder);
            synchronized (freed) {
                freed.notifyAll();
            }
        };
    }

    private synchronized void renewing() {
        if (renewer != null) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slate-slot-renewer");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        renewer.scheduleWithFixedDelay(() -> {
            try {
                slots.renew(Set.copyOf(held), clock.millis() + settings.deadAfter().toMillis());
            } catch (RuntimeException e) {
                // the database is away: the leases run out and the slots come free for the farm
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService r = renewer;
        if (r != null) {
            r.shutdownNow();
        }
    }
}
