package film.slate.engine.build;

import film.slate.store.db.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the queue is tuned: how often a process heartbeats the renders it holds, how many missed
 * heartbeats make it dead, and how often it polls. Every process on one store must use the same
 * values (the process that finds a dead render judges by its own), so they come from the
 * environment ({@code SLATE_DEAD_AFTER}, seconds) or system properties, not from command lines.
 * A dead process's render is revived within {@link #pickupWithin()}: dead after
 * {@code heartbeat x missed}, found at the next check (every two heartbeats), claimed at the next poll.
 *
 * @param heartbeat how often a process says it still holds its renders
 * @param missed heartbeats missed before a render counts as abandoned
 * @param poll how often an idle process asks the queue for work
 */
public record FarmSettings(Duration heartbeat, int missed, Duration poll) {
    /** Missed heartbeats that make a render abandoned. */
    static final int MISSED = 4;
    /** On PostgreSQL (a farm of machines): dead after 16 s, picked up within 25 s. */
    static final Duration FARM_DEAD_AFTER = Duration.ofSeconds(16);
    /** On SQLite (one machine): dead after 2 s. */
    static final Duration LOCAL_DEAD_AFTER = Duration.ofSeconds(2);

    public FarmSettings {
        if (heartbeat.isNegative() || heartbeat.isZero() || missed < 1 || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("heartbeat, missed and poll must be positive");
        }
    }

    /** The settings for a store on {@code db}: {@code SLATE_DEAD_AFTER} or {@code slate.farm.dead.after.ms} when set. */
    public static FarmSettings of(Database db) {
        return of(db.dialect(), System.getenv());
    }

    /** Checks {@code SLATE_DEAD_AFTER} in {@code env}: empty when usable (or unset), else the sentence that says why not. */
    public static Optional<String> problem(Map<String, String> env) {
        try {
            of("postgresql", env);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    static FarmSettings of(String dialect, Map<String, String> env) {
        Duration deadAfter = Optional.ofNullable(System.getProperty("slate.farm.dead.after.ms"))
                .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                .or(() -> Optional.ofNullable(env.get("SLATE_DEAD_AFTER")).map(FarmSettings::seconds))
                .orElse("postgresql".equals(dialect) ? FARM_DEAD_AFTER : LOCAL_DEAD_AFTER);
        Duration heartbeat = deadAfter.dividedBy(MISSED);
        Duration poll = Duration.ofMillis(Long.getLong("slate.farm.poll.ms", Math.min(500, heartbeat.toMillis())));
        return new FarmSettings(heartbeat, MISSED, poll);
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
        throw new IllegalArgumentException("SLATE_DEAD_AFTER is " + text + "; give seconds from 0.1 to 86400");
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
