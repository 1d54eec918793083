package film.slate.review;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers computed at most once per {@code ttl} milliseconds per key, and at once again after a
 * write here. A hundred reviewers reloading the overview then cost one status computation a
 * second, not a hundred; a render in another process shows up within the ttl.
 */
final class Fresh {
    private record Entry(long at, String body) {
    }

    private final Clock clock;
    private final long ttl;
    private final Map<String, Entry> entries = new HashMap<>();

    Fresh(Clock clock, long ttlMillis) {
        this.clock = clock;
        this.ttl = ttlMillis;
    }

    /** The answer for {@code key}, computed by {@code compute} when older than the ttl; one computation at a time. */
    synchronized String get(String key, Function<String, String> compute) {
        Entry e = entries.get(key);
        long now = clock.millis();
        if (e == null || now - e.at() >= ttl || now < e.at()) {
            e = new Entry(now, compute.apply(key));
            entries.put(key, e);
        }
        return e.body();
    }

    /** Forgets every answer (after a note or a verdict, so its author sees it on the next read). */
    synchronized void clear() {
        entries.clear();
    }
}
