package film.slate.store.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The database server's clock, as seen from this machine: this machine's clock plus the offset to
 * the server's, measured at first use and again every few minutes (half the round trip taken off).
 * Every time the farm compares across machines (heartbeats, leases, slots) is read from it, so two
 * machines whose clocks disagree still agree on who is alive. SQLite lives on one machine: its
 * clock is this machine's.
 */
public final class DatabaseClock extends Clock {
    private static final Duration REMEASURE = Duration.ofMinutes(5);

    private final Database db;
    private final Clock local;
    private volatile long offsetMs;
    private volatile boolean measured;
    private volatile long measuredAt;

    public DatabaseClock(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A database clock on {@code local} (a test's clock stands in for this machine's). */
    public DatabaseClock(Database db, Clock local) {
        this.db = db;
        this.local = local;
    }

    /** The server's time now, in epoch milliseconds. */
    @Override
    public long millis() {
        long here = local.millis();
        if (!db.onPostgresql()) {
            return here;
        }
        if (!measured || here - measuredAt > REMEASURE.toMillis() || here < measuredAt) {
            measure();
        }
        return local.millis() + offsetMs;
    }

    private void measure() {
        long[] o = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")) {
                long before = local.millis();
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long server = rs.getLong(1);
                    long after = local.millis();
                    return new long[] {server - (before + after) / 2, after};
                }
            }
        });
        offsetMs = o[0];
        measuredAt = o[1];
        measured = true;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
