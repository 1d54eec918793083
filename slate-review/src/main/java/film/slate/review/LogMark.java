package film.slate.review;

import film.slate.store.db.EventLog;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where the event log stands, read once per request: every change the room shows (a note, a
 * verdict, a render, a sign-out) appends an event, so answers and sessions known at the same mark
 * are still true. The log itself is asked at most once per {@link #REREAD_NANOS}, or at once after
 * a write through this server ({@link #moved}): a query per request cost a quarter of the server's
 * time under load. So this server's own writes show at once, and another process's (a build, a
 * {@code slate user remove}) within a tenth of a second, far inside the room's one-second sharing
 * of the takes' states.
 */
final class LogMark {
    /** How long a mark read from the log stands for changes made by other processes. */
    static final long REREAD_NANOS = 100_000_000L;
    private static final String ATTRIBUTE = "slate.mark";

    private record Seen(long id, long at, long writes) {
    }

    private final EventLog log;
    private final LongSupplier nanos;
    /** Writes through this server that ended; a mark read before the latest one is not trusted. */
    private final AtomicLong writes = new AtomicLong();
    private volatile Seen seen;

    LogMark(EventLog log) {
        this(log, System::nanoTime);
    }

    /** {@code nanos}: a monotonic time in nanoseconds (the wall clock may step; the tests' clocks do). */
    LogMark(EventLog log, LongSupplier nanos) {
        this.log = log;
        this.nanos = nanos;
    }

    /** The log's last event id as this request first saw it. */
    long of(Context ctx) {
        Long known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        long now = now();
        ctx.attribute(ATTRIBUTE, now);
        return now;
    }

    /** The log's last event id, read again when the last reading is older than a write or the reread time. */
    long now() {
        long w = writes.get(); // read before the query: a write that ends during it makes the next caller ask again
        long t = nanos.getAsLong();
        Seen s = seen;
        if (s != null && s.writes() == w && t - s.at() < REREAD_NANOS) {
            return s.id();
        }
        long id = log.lastId();
        seen = new Seen(id, t, w);
        return id;
    }

    /** A write through this server ended (committed): the next request reads the log again. */
    void moved() {
        writes.incrementAndGet();
    }
}
