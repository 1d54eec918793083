package film.slate.engine.testing;

import film.slate.engine.remote.BackendTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time a test drives: a sleep moves the clock on at once (yielding a millisecond so that real
 * servers in the test get to run), so waits of minutes take none and do not depend on machine load.
 */
public final class DrivenTime implements BackendTime {
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong slept = new AtomicLong();
    private volatile Runnable onFirstSleep = () -> { };

    @Override
    public Instant now() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        nanos.addAndGet(d.toNanos());
        slept.addAndGet(d.toNanos());
        Runnable r = onFirstSleep;
        onFirstSleep = () -> { };
        r.run();
        Thread.sleep(1);
    }

    /** Moves the clock on without a sleep: time passing while a request was under way. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** Runs {@code r} when something first waits: an event at a moment the code under test chose. */
    public DrivenTime onFirstSleep(Runnable r) {
        onFirstSleep = r;
        return this;
    }

    /** All the time slept through so far. */
    public Duration slept() {
        return Duration.ofNanos(slept.get());
    }
}
