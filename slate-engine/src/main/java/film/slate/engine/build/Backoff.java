package film.slate.engine.build;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits base x 2^(n-1), scaled by a random 50 to 100 %, capped at a minute. */
final class Backoff {
    private static final long CAP_MS = 60_000;

    private Backoff() {
    }

    static Duration after(int attempt, Duration base) {
        long exp = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(CAP_MS, exp);
        return Duration.ofMillis((long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }
}
