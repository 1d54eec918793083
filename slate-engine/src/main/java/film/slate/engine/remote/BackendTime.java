package film.slate.engine.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The time a remote backend waits by: a clock to read (rests, grace periods, {@code Retry-After}
 * dates) and a way to let time pass (polling). Passed in, so a test drives it instead of sleeping.
 */
public interface BackendTime {
    Instant now();

    /** Lets {@code d} pass; returns early only when interrupted. */
    void sleep(Duration d) throws InterruptedException;

    /** The wall clock and real sleeps. */
    static BackendTime system() {
        return of(Clock.systemUTC());
    }

    static BackendTime of(Clock clock) {
        return new BackendTime() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
            }
        };
    }

    /** Whether {@code d} has passed since {@code since}. */
    default boolean passed(Instant since, Duration d) {
        return Duration.between(since, now()).compareTo(d) > 0;
    }
}
