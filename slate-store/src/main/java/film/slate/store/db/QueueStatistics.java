package film.slate.store.db;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * PostgreSQL's statistics of the queue's table ({@code scheduled_tasks}), taken when a build has queued its takes.
 * Without them the planner takes {@code task_name = ?} for a rare value (its default guess for an equality), where
 * every entry has the one task name; the farm's statements that find entries by key ({@code task_instance = ANY
 * (...)}: the pick's marking, the record's removal, the heartbeat) were then planned as a walk of every entry of
 * the task, and the pick's search for due entries as a sort of all of them: 1,975 buffers for a pick of 128 and
 * 374 for the removal of 22 in a fresh store's first 4,800 takes (RESULTS.md, farmqueue). Autovacuum analyses
 * the table only after its first minute (its launcher's round), and a worker's connection keeps the plans it made
 * until then. Taking them also makes every connection plan its statements again, for the queue as it then is.
 */
public final class QueueStatistics {
    private QueueStatistics() {
    }

    /**
     * Analyses the queue's table on PostgreSQL when it has no statistics of {@code task_name} yet (once a store, in
     * effect: autovacuum keeps them from then on, and that column's one value never goes stale; an ANALYZE of a
     * 50,000-entry queue cost 0.25-0.5 s here). On SQLite, nothing: its planner reads no kept statistics unless
     * asked. A store user that does not own the table gets PostgreSQL's warning, not an error: nothing changes.
     * The takes are queued already: when the table is busy (a VACUUM holds it) or the database is away, the build
     * goes on without them and autovacuum takes them later.
     */
    public static void refresh(Database db) {
        if (!db.onPostgresql()) {
            return;
        }
        try {
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_stats WHERE schemaname = current_schema()"
                            + " AND tablename = 'scheduled_tasks' AND attname = 'task_name'")) {
                        if (rs.next()) {
                            return null;
                        }
                    }
                    st.execute("SET LOCAL lock_timeout = '1s'");
                    st.execute("ANALYZE scheduled_tasks");
                }
                return null;
            });
        } catch (RuntimeException later) {
            // only the plans wait for autovacuum's statistics
        }
    }
}
