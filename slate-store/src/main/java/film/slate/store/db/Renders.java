package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Renders of recipes and their attempts: the job runner's own record of what it did and why. */
public final class Renders {
    private static final String SELECT = "SELECT r.recipe, r.shot, r.take_number, r.backend, r.status, r.reason,"
            + " (SELECT COUNT(*) FROM attempts a WHERE a.recipe = r.recipe) FROM renders r";

    /** The outcome of an attempt whose process stopped answering before it ended. */
    public static final String ABANDONED = "abandoned";

    private final Database db;

    public Renders(Database db) {
        this.db = db;
    }

    /**
     * Queues the render of a recipe: a new row, or a failed or missing one queued again. A rendered, queued or
     * rendering row is left as it is. Returns whether the recipe is now newly queued.
     */
    public boolean queue(Connection c, String recipe, String shot, int take, String backend) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO renders (recipe, shot, take_number, backend, status,"
                + " queued_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recipe) DO NOTHING")) {
            st.setString(1, recipe);
            st.setString(2, shot);
            st.setInt(3, take);
            st.setString(4, backend);
            st.setString(5, RenderRecord.QUEUED);
            st.setLong(6, now);
            if (st.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = ?, reason = NULL, queued_at = ?,"
                + " started_at = NULL, finished_at = NULL WHERE recipe = ? AND status IN (?, ?)")) {
            st.setString(1, RenderRecord.QUEUED);
            st.setLong(2, now);
            st.setString(3, recipe);
            st.setString(4, RenderRecord.FAILED);
            st.setString(5, RenderRecord.MISSING);
            return st.executeUpdate() == 1;
        }
    }

    /** Marks the render started and opens attempt n+1; returns n+1. */
    public int start(Connection c, String recipe, String worker) throws SQLException {
        long now = System.currentTimeMillis();
        int attempt;
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM attempts WHERE recipe = ?")) {
            st.setString(1, recipe);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                attempt = rs.getInt(1) + 1;
            }
        }
        // An earlier attempt still open was abandoned (its process died, or stopped answering): close it.
        try (PreparedStatement st = c.prepareStatement("UPDATE attempts SET finished_at = ?, outcome = ?, reason = ?"
                + " WHERE recipe = ? AND finished_at IS NULL")) {
            st.setLong(1, now);
            st.setString(2, ABANDONED);
            st.setString(3, "its worker stopped answering; the render was taken up again");
            st.setString(4, recipe);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO attempts (recipe, attempt, worker, started_at)"
                + " VALUES (?, ?, ?, ?)")) {
            st.setString(1, recipe);
            st.setInt(2, attempt);
            st.setString(3, worker);
            st.setLong(4, now);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = ?, started_at = ? WHERE recipe = ?")) {
            st.setString(1, RenderRecord.RENDERING);
            st.setLong(2, now);
            st.setString(3, recipe);
            st.executeUpdate();
        }
        return attempt;
    }

    /**
     * Whether attempt {@code attempt} still holds the render: it is rendering and no later attempt
     * has started. A take is recorded only while this holds (a fencing token), so a worker that was
     * counted dead and then finished anyway never records a second version, whatever the clocks said.
     */
    public boolean holds(Connection c, String recipe, int attempt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT r.status, (SELECT MAX(a.attempt) FROM attempts a"
                + " WHERE a.recipe = r.recipe) FROM renders r WHERE r.recipe = ?")) {
            st.setString(1, recipe);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && RenderRecord.RENDERING.equals(rs.getString(1)) && rs.getInt(2) == attempt;
            }
        }
    }

    /** Closes an attempt with its outcome ({@code ok}, {@code transient}, {@code permanent}, {@code timeout}). */
    public void endAttempt(Connection c, String recipe, int attempt, String outcome, String reason) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE attempts SET finished_at = ?, outcome = ?, reason = ?"
                + " WHERE recipe = ? AND attempt = ?")) {
            st.setLong(1, System.currentTimeMillis());
            st.setString(2, outcome);
            st.setString(3, reason);
            st.setString(4, recipe);
            st.setInt(5, attempt);
            st.executeUpdate();
        }
    }

    /** Ends the render: {@code rendered} (with its cost) or {@code failed} (with why). */
    public void finish(Connection c, String recipe, String status, String reason, OptionalDouble cost)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = ?, reason = ?, finished_at = ?,"
                + " cost = ? WHERE recipe = ?")) {
            st.setString(1, status);
            st.setString(2, reason);
            st.setLong(3, System.currentTimeMillis());
            if (cost.isPresent()) {
                st.setDouble(4, cost.getAsDouble());
            } else {
                st.setNull(4, Types.DOUBLE);
            }
            st.setString(5, recipe);
            st.executeUpdate();
        }
    }

    /**
     * A rendered recipe whose output was lost: its render is {@code missing} with {@code reason}, so
     * that the next build queues it again ({@link #queue} queues failed and missing renders anew).
     */
    public void lost(Connection c, String recipe, String reason) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = ?, reason = ? WHERE recipe = ?"
                + " AND status = ?")) {
            st.setString(1, RenderRecord.MISSING);
            st.setString(2, reason);
            st.setString(3, recipe);
            st.setString(4, RenderRecord.RENDERED);
            st.executeUpdate();
        }
    }

    public Optional<RenderRecord> get(Connection c, String recipe) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE r.recipe = ?")) {
            st.setString(1, recipe);
            List<RenderRecord> all = all(st);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
    }

    public Optional<RenderRecord> get(String recipe) {
        return db.read(c -> get(c, recipe));
    }

    /** Every render, keyed by recipe. */
    public Map<String, RenderRecord> all() {
        return db.read(c -> {
            Map<String, RenderRecord> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(SELECT)) {
                all(st).forEach(r -> out.put(r.recipe(), r));
            }
            return out;
        });
    }

    /** The recipes whose render is queued or rendering. */
    public java.util.Set<String> open() {
        return db.read(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT recipe FROM renders WHERE status IN (?, ?)")) {
                st.setString(1, RenderRecord.QUEUED);
                st.setString(2, RenderRecord.RENDERING);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** How many attempts a recipe's render has had, per outcome, e.g. for tests and reports. */
    public List<String> attemptOutcomes(String recipe) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT outcome FROM attempts WHERE recipe = ? ORDER BY attempt")) {
                st.setString(1, recipe);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static List<RenderRecord> all(PreparedStatement st) throws SQLException {
        List<RenderRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new RenderRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        Optional.ofNullable(rs.getString(6)), rs.getInt(7)));
            }
        }
        return out;
    }
}
