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
    /** The outcome of an attempt that rendered its take. */
    public static final String OK = "ok";

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
        int attempt = 0;
        try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = ?, started_at = ?,"
                + " attempt = attempt + 1 WHERE recipe = ? RETURNING attempt")) {
            st.setString(1, RenderRecord.RENDERING);
            st.setLong(2, System.currentTimeMillis());
            st.setString(3, recipe);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    attempt = rs.getInt(1);
                }
            }
        }
        return attempt == 0 ? 0 : opened(c, Map.of(recipe, attempt), worker).get(recipe);
    }

    /**
     * Starts, in the caller's transaction, the render of each of {@code recipes} that is still to be
     * made: queued, or rendering under an attempt the queue gave up on (its process died), and with
     * no rendered take of its recipe. Each started one gets its next attempt, held by {@code worker};
     * returns the attempt of each started render (the others were made, failed or taken meanwhile).
     * A few statements for the whole batch, however many renders it holds.
     */
    public Map<String, Integer> claim(Connection c, List<String> recipes, String worker) throws SQLException {
        if (recipes.isEmpty()) {
            return Map.of();
        }
        // One statement for the whole group: the update says which rows it started and at which attempt. Its NOT
        // EXISTS stays a look-up by key: as an anti-join planned while takes was empty, it scanned every take (a claim
        // took 29-64 ms a group at 10,000 takes).
        GroupRows group = new GroupRows(db, "u", GroupRows.text("recipe"));
        recipes.forEach(group::add);
        Map<String, Integer> found = new java.util.HashMap<>();
        try (PreparedStatement st = c.prepareStatement(group.with() + "UPDATE renders SET status = ?, started_at = ?,"
                + " attempt = attempt + 1 WHERE " + group.keyAmong("recipe", "recipe")
                + " AND status IN (?, ?) AND NOT EXISTS (SELECT 1 FROM takes t WHERE t.recipe = renders.recipe"
                + " AND t.status = ? AND t.shot = renders.shot AND t.take_number = renders.take_number" + db.lookUpEachRow() + ")"
                + " RETURNING recipe, attempt")) {
            int i = group.bind(c, st, 1);
            st.setString(i++, RenderRecord.RENDERING);
            st.setLong(i++, System.currentTimeMillis());
            st.setString(i++, RenderRecord.QUEUED);
            st.setString(i++, RenderRecord.RENDERING);
            st.setString(i, TakeRecord.RENDERED);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (String recipe : recipes) {
            if (found.containsKey(recipe)) {
                attempts.put(recipe, found.get(recipe));
            }
        }
        return attempts.isEmpty() ? Map.of() : opened(c, attempts, worker);
    }

    /** Opens each attempt of {@code attempts} (by recipe), closing any earlier one of its render still open. */
    private Map<String, Integer> opened(Connection c, Map<String, Integer> attempts, String worker)
            throws SQLException {
        long now = System.currentTimeMillis();
        GroupRows group = new GroupRows(db, "u", GroupRows.text("recipe"), GroupRows.integer("attempt"));
        attempts.forEach(group::add);
        // An earlier attempt still open was abandoned (its process died, or stopped answering): close it.
        if (attempts.values().stream().anyMatch(a -> a > 1)) {
            try (PreparedStatement st = c.prepareStatement(group.with() + "UPDATE attempts SET finished_at = ?,"
                    + " outcome = ?, reason = ? WHERE " + group.keyAmong("recipe", "recipe") + " AND finished_at IS NULL"
                    + " AND EXISTS (SELECT 1 FROM u WHERE u.recipe = attempts.recipe AND attempts.attempt < u.attempt)")) {
                db.planEachTime(st);
                int i = group.bind(c, st, 1);
                st.setLong(i++, now);
                st.setString(i++, ABANDONED);
                st.setString(i, "its worker stopped answering; the render was taken up again");
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO attempts (recipe, attempt, worker, started_at)"
                + " SELECT u.recipe, u.attempt, ?, ? FROM " + group.table())) {
            st.setString(1, worker);
            st.setLong(2, now);
            group.bind(c, st, 3);
            st.executeUpdate();
        }
        return attempts;
    }

    /**
     * Whether attempt {@code attempt} still holds the render: it is rendering and no later attempt
     * has started. A take is recorded only while this holds (a fencing token), so a worker that was
     * counted dead and then finished anyway never records a second version, whatever the clocks said.
     */
    public boolean holds(Connection c, String recipe, int attempt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM renders WHERE recipe = ? AND status = ?"
                + " AND attempt = ?")) {
            st.setString(1, recipe);
            st.setString(2, RenderRecord.RENDERING);
            st.setInt(3, attempt);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    public boolean holds(String recipe, int attempt) {
        return db.read(c -> holds(c, recipe, attempt));
    }

    /** An attempt that rendered its take, to be ended as rendered ({@link #rendered}). */
    public record Made(String recipe, int attempt, OptionalDouble cost) {
    }

    /**
     * Ends each render in {@code made} as rendered, and its attempt as {@code ok}, in the caller's
     * transaction, but only where that attempt still holds the render ({@link #holds}); the check and
     * the change are one conditional update, so no later attempt can start in between. Returns, in
     * order, whether each one held.
     */
    public boolean[] rendered(Connection c, List<Made> made) throws SQLException {
        if (made.isEmpty()) {
            return new boolean[0];
        }
        long now = System.currentTimeMillis();
        GroupRows group = new GroupRows(db, "u", GroupRows.text("recipe"), GroupRows.integer("attempt"),
                GroupRows.real("cost"));
        made.forEach(m -> group.add(m.recipe(), m.attempt(), m.cost().isPresent() ? m.cost().getAsDouble() : null));
        List<Key> ended = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(group.with() + "UPDATE renders SET status = ?, reason = NULL,"
                + " finished_at = ?, cost = u.cost FROM u WHERE " + group.keyAmong("renders.recipe", "recipe")
                + " AND renders.recipe = u.recipe AND renders.status = ? AND renders.attempt = u.attempt"
                + " RETURNING renders.recipe, renders.attempt")) {
            int i = group.bind(c, st, 1);
            st.setString(i++, RenderRecord.RENDERED);
            st.setLong(i++, now);
            st.setString(i, RenderRecord.RENDERING);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ended.add(new Key(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        boolean[] held = Key.firstOf(made.stream().map(m -> new Key(m.recipe(), m.attempt())).toList(), ended);
        GroupRows ok = new GroupRows(db, "u", GroupRows.text("recipe"), GroupRows.integer("attempt"));
        for (int i = 0; i < held.length; i++) {
            if (held[i]) {
                ok.add(made.get(i).recipe(), made.get(i).attempt());
            }
        }
        if (!ok.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(ok.with() + "UPDATE attempts SET finished_at = ?, outcome = ?,"
                    + " reason = NULL WHERE " + ok.keyAmong("recipe", "recipe")
                    + " AND (recipe, attempt) IN (SELECT u.recipe, u.attempt FROM u)")) {
                db.planEachTime(st);
                int i = ok.bind(c, st, 1);
                st.setLong(i++, now);
                st.setString(i, OK);
                st.executeUpdate();
            }
        }
        return held;
    }

    /**
     * Removes the queue's entries (db-scheduler's {@code scheduled_tasks}) of task {@code task} for
     * these renders, each only at the version its job was given (an entry picked again since belongs
     * to its new holder); returns, in order, whether each was removed.
     */
    public boolean[] dequeue(Connection c, String task, List<String> recipes, List<Long> versions) throws SQLException {
        if (recipes.isEmpty()) {
            return new boolean[0];
        }
        GroupRows group = new GroupRows(db, "u", GroupRows.text("recipe"), GroupRows.bigint("version"));
        for (int i = 0; i < recipes.size(); i++) {
            group.add(recipes.get(i), versions.get(i));
        }
        List<Key> gone = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(group.with() + "DELETE FROM scheduled_tasks WHERE task_name = ?"
                + " AND " + group.keyAmong("task_instance", "recipe")
                + " AND (task_instance, version) IN (SELECT u.recipe, u.version FROM u) RETURNING task_instance, version")) {
            int i = group.bind(c, st, 1);
            st.setString(i, task);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    gone.add(new Key(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        List<Key> asked = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            asked.add(new Key(recipes.get(i), versions.get(i)));
        }
        return Key.firstOf(asked, gone);
    }

    /** A row a group statement names: a recipe and the attempt (or queue version) it was asked at. */
    private record Key(String recipe, long number) {
        /**
         * Which of {@code asked}, in order, the statement changed ({@code changed}, each row once):
         * a key asked twice changed only once, as row-by-row statements would have it (the first).
         */
        static boolean[] firstOf(List<Key> asked, List<Key> changed) {
            java.util.Set<Key> left = new java.util.HashSet<>(changed);
            boolean[] out = new boolean[asked.size()];
            for (int i = 0; i < asked.size(); i++) {
                out[i] = left.remove(asked.get(i));
            }
            return out;
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
