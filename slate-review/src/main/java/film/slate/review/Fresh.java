package film.slate.review;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code ttl} milliseconds. While one caller computes a newer
 * value, the others get the previous one instead of waiting, so a hundred reviewers reloading the
 * overview cost one status computation a second, and none of them waits for it once the first
 * has been made. A render in another process shows up within about the ttl.
 */
final class Fresh<T> implements Supplier<T> {
    private final Clock clock;
    private final long ttl;
    private final Supplier<T> compute;
    private T value;
    private long at;
    private boolean computing;
    /** The value and when it was made, read without the lock while it is fresh. */
    private volatile Made<T> made;

    private record Made<T>(T value, long at) {
    }

    Fresh(Clock clock, long ttlMillis, Supplier<T> compute) {
        this.clock = clock;
        this.ttl = ttlMillis;
        this.compute = compute;
    }

    @Override
    public T get() {
        Made<T> m = made;
        long clockNow = clock.millis();
        if (m != null && clockNow - m.at() < ttl && clockNow >= m.at()) {
            return m.value(); // no lock while fresh: a hundred requests a second must not queue on it
        }
        synchronized (this) {
            long now = clock.millis();
            boolean fresh = value != null && now - at < ttl && now >= at;
            if (fresh || (value != null && computing)) {
                return value;
            }
            if (value == null && computing) {
                return waitForFirst();
            }
            computing = true;
        }
        try {
            T v = compute.get();
            synchronized (this) {
                value = v;
                at = clock.millis();
                made = new Made<>(v, at);
                return v;
            }
        } finally {
            synchronized (this) {
                computing = false;
                notifyAll();
            }
        }
    }

    /** The very first value: nothing older to give, so wait for the caller computing it. */
    private T waitForFirst() {
        while (value == null && computing) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the review room's status was computed", e);
            }
        }
        return value != null ? value : get();
    }
}
