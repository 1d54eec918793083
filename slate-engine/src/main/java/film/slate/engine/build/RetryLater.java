package film.slate.engine.build;

import java.time.Duration;

/** Thrown out of a job so that db-scheduler runs it again after {@code delay} (a transient fault). */
final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration delay;

    RetryLater(String message, Duration delay) {
        super(message, null, false, false);
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }
}
