package film.slate.engine.build;

import film.slate.core.model.FarmTiming;
import film.slate.store.db.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the queue is tuned: how often a process heartbeats the renders it holds, how many missed
 * heartbeats make it dead, how often it polls, and how long it keeps trying to record a finished
 * take through a database outage. Every process on one store must use the same values (the process
 * that finds a dead render judges by its own), so they come from slate.yaml's {@code farm:}
 * ({@link FarmTiming}) or the environment ({@code SLATE_DEAD_AFTER}, seconds, which wins), never
 * from command lines; whoever opens the store makes them ({@link #of}) and hands them on.
 * A dead process's render is revived within {@link #pickupWithin()}: dead after
 * {@code heartbeat x missed}, found at the next check (every two heartbeats), claimed at the next poll.
 *
 * @param heartbeat how often a process says it still holds its renders
 * @param missed heartbeats missed before a render counts as abandoned
 * @param poll how often an idle process asks the queue for work
 * @param outage how long a finished take waits for the database to come back before it is handed to the queue
 */
public record FarmSettings(Duration heartbeat, int missed, Duration poll, Duration outage) {
    /** Missed heartbeats that make a render abandoned. */
    static final int MISSED = 4;
    /** On PostgreSQL (a farm of machines): dead after 16 s, picked up within 25 s. */
    static final Duration FARM_DEAD_AFTER = Duration.ofSeconds(16);
    /** On SQLite (one machine): dead after 2 s. */
    static final Duration LOCAL_DEAD_AFTER = Duration.ofSeconds(2);
    /** How long a finished take waits through a database outage by default. */
    static final Duration OUTAGE = Duration.ofMinutes(10);
    /** The environment variable that sets dead-after on a machine, over slate.yaml. */
    public static final String DEAD_AFTER_ENV = "SLATE_DEAD_AFTER";

    public FarmSettings {
        if (heartbeat.isNegative() || heartbeat.isZero() || missed < 1 || poll.isNegative() || poll.isZero()
                || outage.isNegative()) {
            throw new IllegalArgumentException("heartbeat, missed and poll must be positive, outage not negative");
        }
    }

    /** The defaults for a store on {@code dialect} ({@code postgresql} or {@code sqlite}). */
    public static FarmSettings defaults(String dialect) {
        return of(deadAfter(dialect), Optional.empty(), OUTAGE);
    }

    /**
     * The settings for a store on {@code dialect} from slate.yaml's {@code farm:} and {@code env}
     * ({@code SLATE_DEAD_AFTER} wins over {@code dead_after}).
     *
     * @throws IllegalArgumentException with one sentence when {@code SLATE_DEAD_AFTER} is not seconds from 0.1 to 86400
     */
    public static FarmSettings of(String dialect, FarmTiming timing, Map<String, String> env) {
        Duration deadAfter = Optional.ofNullable(env.get(DEAD_AFTER_ENV)).map(FarmSettings::seconds)
                .or(() -> seconds(timing.deadAfter())).orElse(deadAfter(dialect));
        Duration outage = seconds(timing.outage()).orElse(OUTAGE);
        return of(deadAfter, seconds(timing.poll()), outage);
    }

    /** Dead after {@code deadAfter}, polling every {@code poll} (default: a heartbeat, at most half a second). */
    private static FarmSettings of(Duration deadAfter, Optional<Duration> poll, Duration outage) {
        Duration heartbeat = deadAfter.dividedBy(MISSED);
        return new FarmSettings(heartbeat, MISSED, poll.orElse(Duration.ofMillis(Math.min(500, heartbeat.toMillis()))),
                outage);
    }

    /** Checks {@code SLATE_DEAD_AFTER} in {@code env}: empty when usable (or unset), else the sentence that says why not. */
    public static Optional<String> problem(Map<String, String> env) {
        try {
            of(Database.POSTGRESQL, FarmTiming.defaults(film.slate.core.model.Positions.of(
                    film.slate.core.diagnostic.SourcePosition.ofFile("slate.yaml"))), env);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Duration deadAfter(String dialect) {
        return Database.POSTGRESQL.equals(dialect) ? FARM_DEAD_AFTER : LOCAL_DEAD_AFTER;
    }

    private static Optional<Duration> seconds(java.util.OptionalDouble s) {
        return s.isPresent() ? Optional.of(Duration.ofMillis(Math.round(s.getAsDouble() * 1000))) : Optional.empty();
    }

    private static Duration seconds(String text) {
        try {
            double s = Double.parseDouble(text.trim());
            if (s >= 0.1 && s <= 86_400) {
                return Duration.ofMillis((long) (s * 1000));
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw new IllegalArgumentException(DEAD_AFTER_ENV + " is " + text + "; give seconds from 0.1 to 86400");
    }

    /** When a process that stopped heartbeating counts as dead. */
    public Duration deadAfter() {
        return heartbeat.multipliedBy(missed);
    }

    /** The longest a dead process's render waits before another process claims it. */
    public Duration pickupWithin() {
        return deadAfter().plus(heartbeat.multipliedBy(2)).plus(poll);
    }
}
