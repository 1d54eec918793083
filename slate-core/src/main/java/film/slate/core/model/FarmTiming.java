package film.slate.core.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * slate.yaml's {@code farm:}: how the shared queue is timed, in seconds. One value for every
 * process on the store (the process that finds a dead one judges by its own), so it lives in the
 * production's shared slate.yaml, not on command lines. Absent fields mean the defaults.
 *
 * @param deadAfter {@code dead_after}: a process silent this long counts as dead and its takes go to others
 * @param poll {@code poll}: how often an idle process asks the queue for work
 * @param outage {@code outage}: how long a process keeps trying to record a finished take while the database is away
 */
public record FarmTiming(OptionalDouble deadAfter, OptionalDouble poll, OptionalDouble outage, Positions where) {
    public FarmTiming {
        Objects.requireNonNull(deadAfter, "deadAfter");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(where, "where");
    }

    /** No {@code farm:} written: every default. */
    public static FarmTiming defaults(Positions where) {
        return new FarmTiming(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), where);
    }
}
