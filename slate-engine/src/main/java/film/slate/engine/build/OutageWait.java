package film.slate.engine.build;

import film.slate.store.StoreFault;
import film.slate.store.db.StoreException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Recording a finished render through a database outage. The render's outputs are already in the
 * object store (aside: content-addressed, named by no take yet), so the worker keeps trying to
 * record the take, with backoff, for up to slate.yaml's {@code farm: outage:} (default ten minutes). If
 * the database comes back in time the take is recorded then, unless another worker took the render
 * up meanwhile (the attempt fence refuses a second version); if not, the failure goes to the queue,
 * which hands the render back once the database answers (its heartbeat lapsed). A full disk is no
 * outage: it fails at once.
 */
final class OutageWait {
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MOST = Duration.ofSeconds(5);

    private OutageWait() {
    }

    /** Does {@code work}, again while the database is away, for up to {@code outage}. */
    static <T> T through(Duration outage, Supplier<T> work) throws InterruptedException {
        long deadline = System.nanoTime() + outage.toNanos();
        Duration wait = FIRST;
        while (true) {
            try {
                return work.get();
            } catch (StoreException e) {
                if (StoreFault.diskFull(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(wait.toMillis()); // the database is away: ask again later
                wait = wait.multipliedBy(2).compareTo(MOST) > 0 ? MOST : wait.multipliedBy(2);
            }
        }
    }
}
