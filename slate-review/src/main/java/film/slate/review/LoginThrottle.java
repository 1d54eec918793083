package film.slate.review;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows a login flood: each client address may fail {@code limit} times within {@code window}
 * milliseconds; after that its attempts are refused unchecked until the oldest failure ages out.
 * Time comes from the clock given, so tests move it instead of sleeping.
 */
final class LoginThrottle {
    private final Clock clock;
    private final int limit;
    private final long window;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    LoginThrottle(Clock clock, int limit, long windowMillis) {
        this.clock = clock;
        this.limit = limit;
        this.window = windowMillis;
    }

    /** Milliseconds the client must wait before its next attempt is even checked; 0 when it may try now. */
    synchronized long wait(String client) {
        Deque<Long> times = recent(client);
        return times.size() < limit ? 0 : times.peekFirst() + window - clock.millis();
    }

    synchronized void failed(String client) {
        recent(client).addLast(clock.millis());
    }

    synchronized void succeeded(String client) {
        failures.remove(client);
    }

    private Deque<Long> recent(String client) {
        Deque<Long> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        long now = clock.millis();
        while (!times.isEmpty() && times.peekFirst() + window <= now) {
            times.removeFirst();
        }
        if (failures.size() > 100_000) {
            failures.clear(); // a flood from many addresses must not grow the map without bound
        }
        return times;
    }
}
