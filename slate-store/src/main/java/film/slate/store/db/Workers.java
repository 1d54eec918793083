package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes that render from the shared queue, and the {@code gc} lease: a worker is alive
 * while its heartbeat is younger than the farm's dead-after time; {@code slate gc} holds the
 * objects alone only while no worker is alive, and no worker starts while gc holds its lease.
 * Registering and taking the lease are serialised (a table lock on PostgreSQL; SQLite's write
 * transactions are serial already); times are the database's ({@link DatabaseClock}).
 */
public final class Workers {
    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";
    public static final String STOPPED = "stopped";
    static final String GC = "gc";

    private final Database db;

    public Workers(Database db) {
        this.db = db;
    }

    /**
     * Registers (or registers again) worker {@code name} as running, unless {@code slate gc} holds
     * its lease now: then nothing changes and the holder is returned (the caller waits and asks again).
     */
    public Optional<String> register(String name, String host, List<String> backends, int jobs, long now) {
        return db.transaction(c -> {
            serialise(c);
            Optional<String> gc = leaseHolder(c, GC, now);
            if (gc.isPresent()) {
                return gc;
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM workers WHERE name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO workers (name, host, backends, jobs, state,"
                    + " started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, name);
                st.setString(2, host);
                st.setString(3, String.join(",", backends));
                st.setInt(4, jobs);
                st.setString(5, RUNNING);
                st.setLong(6, now);
                st.setLong(7, now);
                st.executeUpdate();
            }
            return Optional.empty();
        });
    }

    /**
     * Renews worker {@code name}'s heartbeat, if it is still alive (heartbeat after {@code deadBefore});
     * false when the farm already counts it dead: it must {@link #register} again before it stores anything.
     */
    public boolean heartbeat(String name, long now, long deadBefore) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE workers SET heartbeat_at = ? WHERE name = ?"
                    + " AND heartbeat_at >= ? AND state <> ?")) {
                st.setLong(1, now);
                st.setString(2, name);
                st.setLong(3, deadBefore);
                st.setString(4, STOPPED);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Marks worker {@code name} stopping (it takes no new render) or stopped. */
    public void state(String name, String state) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE workers SET state = ? WHERE name = ?")) {
                st.setString(1, state);
                st.setString(2, name);
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes the {@code gc} lease for {@code holder} until {@code expires}, when no worker is alive
     * (heartbeat after {@code deadBefore}) and no other gc holds it; returns who stands in the way, if anyone.
     */
    public Optional<String> leaseForGc(String holder, long now, long expires, long deadBefore) {
        return db.transaction(c -> {
            serialise(c);
            Optional<String> other = leaseHolder(c, GC, now);
            if (other.isPresent() && !other.get().equals(holder)) {
                return other;
            }
            try (PreparedStatement st = c.prepareStatement("SELECT name FROM workers WHERE state <> ?"
                    + " AND heartbeat_at >= ? ORDER BY name")) {
                st.setString(1, STOPPED);
                st.setLong(2, deadBefore);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM store_leases WHERE name = ?")) {
                st.setString(1, GC);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO store_leases (name, holder, expires_at)"
                    + " VALUES (?, ?, ?)")) {
                st.setString(1, GC);
                st.setString(2, holder);
                st.setLong(3, expires);
                st.executeUpdate();
            }
            return Optional.empty();
        });
    }

    /** Lets go of the gc lease {@code holder} holds. */
    public void releaseGc(String holder) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM store_leases WHERE name = ? AND holder = ?")) {
                st.setString(1, GC);
                st.setString(2, holder);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** How many entries of task {@code task} the queue holds for renders of {@code backends} (waiting, running, retrying). */
    public int queued(String task, List<String> backends) {
        return queued(task, backends, Integer.MAX_VALUE);
    }

    /**
     * As {@link #queued(String, List)}, counted no further than {@code most}: whether any is left
     * ({@code most} 1) reads one entry, where the whole count reads every entry and its render (a
     * worker with nothing to do asks five times a second: at 12,000 queued takes, 95 ms of the
     * database's CPU a call).
     */
    public int queued(String task, List<String> backends, int most) {
        return db.read(c -> {
            // Each entry's render looked up by its key: a join would be planned as a scan of every render
            // the store ever made, where the queue is what is small.
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM scheduled_tasks q"
                    + " WHERE q.task_name = ? AND (SELECT r.backend FROM renders r WHERE r.recipe = q.task_instance) IN ("
                    + String.join(", ", java.util.Collections.nCopies(backends.size(), "?")) + ") LIMIT ?) AS e")) {
                st.setString(1, task);
                for (int i = 0; i < backends.size(); i++) {
                    st.setString(i + 2, backends.get(i));
                }
                st.setInt(backends.size() + 2, most);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Hands back at once the queue's entries of task {@code task} that a process of this machine
     * still holds although it is gone: its scheduler is named {@code user@host:pid} ({@code
     * film.slate.store.Actor}) with this user and host, and no process {@code pid} runs. The queue
     * would revive them only after dead-after (16 s on PostgreSQL): a build started again after
     * a killed one would wait that long for its own takes. What another machine holds is left to
     * the heartbeats (this machine cannot see its processes); a reused pid only means the wait.
     * The version moves on, so the dead holder's removal of its entry could never match. Returns
     * how many entries were handed back.
     */
    public int handBackDead(String task, String self) {
        String here = self.substring(0, self.lastIndexOf(':') + 1);
        return db.transaction(c -> {
            List<String> dead = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT picked_by FROM scheduled_tasks"
                    + " WHERE task_name = ? AND picked = ?")) {
                st.setString(1, task);
                st.setBoolean(2, true);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String by = rs.getString(1);
                        if (by != null && !here.isEmpty() && by.startsWith(here) && gone(by.substring(here.length()))) {
                            dead.add(by);
                        }
                    }
                }
            }
            int n = 0;
            try (PreparedStatement st = c.prepareStatement("UPDATE scheduled_tasks SET picked = ?, picked_by = NULL,"
                    + " last_heartbeat = NULL, version = version + 1 WHERE task_name = ? AND picked = ? AND picked_by = ?")) {
                for (String by : dead) {
                    st.setBoolean(1, false);
                    st.setString(2, task);
                    st.setBoolean(3, true);
                    st.setString(4, by);
                    n += st.executeUpdate();
                }
            }
            return n;
        });
    }

    private static boolean gone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false; // not a name this Slate gives: not ours to judge
        }
    }

    /** Every worker the table knows, by name, with what each renders now. */
    public List<WorkerRecord> all() {
        return db.read(c -> {
            Map<String, List<String>> rendering = rendering(c);
            List<WorkerRecord> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, host, backends, jobs,"
                    + " state, started_at, heartbeat_at FROM workers ORDER BY name")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String backends = rs.getString(3);
                    out.add(new WorkerRecord(name, rs.getString(2), backends.isEmpty() ? List.of()
                            : Arrays.asList(backends.split(",")), rs.getInt(4), rs.getString(5), rs.getLong(6),
                            rs.getLong(7), rendering.getOrDefault(name, List.of())));
                }
            }
            return out;
        });
    }

    /** SHOT#TAKE of the renders each scheduler holds in the queue now, by its name. */
    private static Map<String, List<String>> rendering(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT q.picked_by, r.shot,"
                + " r.take_number FROM scheduled_tasks q JOIN renders r ON r.recipe = q.task_instance"
                + " WHERE q.picked = TRUE ORDER BY r.shot, r.take_number")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2) + "#" + rs.getInt(3));
            }
        }
        return out;
    }

    private static Optional<String> leaseHolder(Connection c, String lease, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT holder FROM store_leases WHERE name = ?"
                + " AND expires_at >= ?")) {
            st.setString(1, lease);
            st.setLong(2, now);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Serialises the transactions that register workers and take the gc lease. */
    private void serialise(Connection c) throws SQLException {
        if (db.onPostgresql()) {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE store_leases IN EXCLUSIVE MODE");
            }
        }
    }
}
