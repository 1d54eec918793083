package film.slate.review;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value recomputed only when a cheap stamp of its inputs changes: the room's status needs the
 * whole plan and every take, but changes only when the event log grows (a render started or ended,
 * a verdict) or the production's {@link Edition} changes. {@link Fresh} in front of it shares each
 * value among the requests of a second.
 */
final class Stamped<T> implements Supplier<T> {
    private final Supplier<?> stamp;
    private final Supplier<T> compute;
    private Object last;
    private T value;

    Stamped(Supplier<?> stamp, Supplier<T> compute) {
        this.stamp = stamp;
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        Object now = stamp.get();
        if (value == null || !Objects.equals(now, last)) {
            value = compute.get();
            last = now;
        }
        return value;
    }
}
