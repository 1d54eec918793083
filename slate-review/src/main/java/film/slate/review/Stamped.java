package film.slate.review;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value recomputed only when a cheap stamp of its inputs changes: the room's status needs the
 * whole plan and every take, but changes only when the event log grows (a render started or ended,
 * a verdict), and the check's findings only when a production file changes. Not thread-safe on its
 * own: {@link Fresh} in front of it lets one caller at a time ask.
 */
public final class Stamped<T> implements Supplier<T> {
    private final Supplier<?> stamp;
    private final Supplier<T> compute;
    private Object last;
    private T value;

    public Stamped(Supplier<?> stamp, Supplier<T> compute) {
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
