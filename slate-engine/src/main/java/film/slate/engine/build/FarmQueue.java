package film.slate.engine.build;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import film.slate.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A worker's own hold on the shared queue (db-scheduler's {@code scheduled_tasks} rows, in its
 * columns and meaning, so builds and workers share one queue): it picks as many due entries of
 * its backends as it has free slots in one statement, heartbeats all it holds in one, and
 * revives the entries of processes that stopped heartbeating. Every change moves an entry's
 * version on, so a holder that was counted dead can no longer remove or move the entry.
 * Exactly-once does not rest here but on the render's attempt fence ({@code renders.attempt}):
 * a revived entry is claimed again as a new attempt, and only the holding attempt records.
 */
final class FarmQueue {
    /** A picked entry: the recipe it names and the version it has now (this worker's). */
    record Entry(String recipe, long version) {
    }

    private final Store store;
    private final JdbcCustomization sql;
    private final List<String> backends;
    private final String worker;
    private final boolean skipLocked;

    FarmQueue(Store store, List<String> backends, String worker) {
        this.store = store;
        this.backends = List.copyOf(backends);
        this.worker = worker;
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("no backends");
        }
        // db-scheduler's own reading and writing of instants for the dialect: the rows are its rows
        this.sql = store.database().onPostgresql() ? new PostgreSqlJdbcCustomization(true, false)
                : new SqliteJdbcCustomization();
        this.skipLocked = sql.supportsGenericLockAndFetch();
        store.database().openWhole(CONNECTIONS);
    }

    /** The connections a worker keeps open: its loop, a record group, a recipe read, its heartbeat and presence, one more. */
    static final int CONNECTIONS = 6;

    /**
     * Picks up to {@code most} due entries of this worker's backends, oldest first, marking them
     * picked by this worker, in one statement; rows another worker is picking are skipped
     * (PostgreSQL), SQLite's single writer makes the statement atomic there.
     */
    List<Entry> pick(int most, Instant now) {
        return store.database().autocommit(c -> pick(c, most, now));
    }

    /**
     * As {@link #pick(int, Instant)}, on {@code c}, inside the caller's transaction: the worker's loop
     * picks and claims in one ({@link RenderJob#pickAndClaim}), one commit a batch.
     */
    List<Entry> pick(Connection c, int most, Instant now) throws SQLException {
        String in = String.join(", ", Collections.nCopies(backends.size(), "?"));
        // The due entries first (in execution-time order, by the index of waiting entries, joined to their
        // renders only to keep this worker's backends), locked as they are read; then those alone are marked,
        // each found by its key. The literal "picked = false" is what lets both databases use that partial index.
        // (A WITH query, which the database runs once: as a subquery in FROM it could be run again for every
        // row, locking more than it marks.) Database.lookUpEachRow keeps the renders a look-up by key for each
        // entry: as a join, a plan made while renders had no statistics read every render and sorted every due
        // entry, 22,000 buffers a pick (RESULTS.md, farmqueue).
        try (PreparedStatement st = c.prepareStatement("WITH due AS (SELECT q.task_instance FROM scheduled_tasks q"
                + " WHERE q.task_name = ? AND q.picked = false AND q.execution_time <= ? AND EXISTS (SELECT 1 FROM"
                + " renders r WHERE r.recipe = q.task_instance AND r.backend IN (" + in + ")"
                + store.database().lookUpEachRow() + ")"
                + " ORDER BY q.execution_time LIMIT ?" + (skipLocked ? " FOR UPDATE OF q SKIP LOCKED" : "") + ")"
                + " UPDATE scheduled_tasks SET picked = true, picked_by = ?, last_heartbeat = ?, version = version + 1"
                + " WHERE task_name = ? AND " + among("due") + " AND picked = false RETURNING task_instance, version")) {
            int i = 1;
            st.setString(i++, Builder.TASK);
            sql.setInstant(st, i++, now);
            for (String b : backends) {
                st.setString(i++, b);
            }
            st.setInt(i++, most);
            st.setString(i++, worker);
            sql.setInstant(st, i++, now);
            st.setString(i, Builder.TASK);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        }
    }

    /** Renews the heartbeat of every entry this worker holds, in one statement. */
    void heartbeat(Instant now) {
        store.database().autocommit(c -> {
            // Rows another transaction holds (this worker's record deleting them) are left alone, not
            // waited for: two statements over the same rows in different orders could deadlock.
            try (PreparedStatement st = c.prepareStatement("WITH held AS (SELECT task_instance FROM scheduled_tasks"
                    + " WHERE task_name = ? AND picked = true AND picked_by = ?" + locked() + ")"
                    + " UPDATE scheduled_tasks SET last_heartbeat = ? WHERE task_name = ? AND " + among("held"))) {
                st.setString(1, Builder.TASK);
                st.setString(2, worker);
                sql.setInstant(st, 3, now);
                st.setString(4, Builder.TASK);
                return st.executeUpdate();
            }
        });
    }

    /**
     * Hands back the entries whose holder's last heartbeat is before {@code deadBefore}, whoever
     * holds them (a worker or a build), due at their own time as before: they keep their place at
     * the head of the queue. Returns how many.
     */
    int reviveDead(Instant deadBefore) {
        return store.database().autocommit(c -> {
            try (PreparedStatement st = c.prepareStatement("WITH dead AS (SELECT task_instance FROM scheduled_tasks"
                    + " WHERE task_name = ? AND picked = true AND last_heartbeat < ?" + locked() + ")"
                    + " UPDATE scheduled_tasks SET picked = false, picked_by = NULL, last_heartbeat = NULL,"
                    + " version = version + 1 WHERE task_name = ? AND " + among("dead"))) {
                st.setString(1, Builder.TASK);
                sql.setInstant(st, 2, deadBefore);
                st.setString(3, Builder.TASK);
                return st.executeUpdate();
            }
        });
    }

    /**
     * The rows whose key the WITH query {@code query} names, found by the key's index: on PostgreSQL an
     * array of them (a join could be planned as a scan of the whole queue), on SQLite a subquery.
     */
    private String among(String query) {
        return skipLocked ? "task_instance = ANY (ARRAY(SELECT task_instance FROM " + query + "))"
                : "task_instance IN (SELECT task_instance FROM " + query + ")";
    }

    private String locked() {
        return skipLocked ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /**
     * Puts {@code entry} back in the queue, due at {@code at} (a retry), if this worker still holds it:
     * at its version and in its name (a pick whose transaction rolled back gave its version to no one,
     * and the next worker to pick the entry reaches the same number).
     */
    void later(Entry entry, Instant at) {
        store.database().autocommit(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE scheduled_tasks SET picked = ?, picked_by = NULL,"
                    + " last_heartbeat = NULL, execution_time = ?, version = version + 1 WHERE task_name = ?"
                    + " AND task_instance = ? AND version = ? AND picked_by = ?")) {
                st.setBoolean(1, false);
                sql.setInstant(st, 2, at);
                st.setString(3, Builder.TASK);
                st.setString(4, entry.recipe());
                st.setLong(5, entry.version());
                st.setString(6, worker);
                return st.executeUpdate();
            }
        });
    }

    /** Removes {@code entry} (its render ended some other way than with its take), if this worker still holds it. */
    void remove(Entry entry) {
        store.database().autocommit(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM scheduled_tasks WHERE task_name = ?"
                    + " AND task_instance = ? AND version = ?")) {
                st.setString(1, Builder.TASK);
                st.setString(2, entry.recipe());
                st.setLong(3, entry.version());
                return st.executeUpdate();
            }
        });
    }

    /** Hands back at once everything this worker still holds (it is stopping). */
    void handBackAll() {
        store.database().autocommit(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE scheduled_tasks SET picked = false, picked_by = NULL,"
                    + " last_heartbeat = NULL, version = version + 1 WHERE task_name = ? AND picked = true AND picked_by = ?")) {
                st.setString(1, Builder.TASK);
                st.setString(2, worker);
                return st.executeUpdate();
            }
        });
    }
}
