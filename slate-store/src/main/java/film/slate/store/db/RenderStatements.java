package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's claim and its fenced record, each as one statement on PostgreSQL: the renders' update
 * and the attempts' rows that follow from it are data-modifying WITH queries of one statement, so a
 * group costs one round trip less at each end (on the farm's database a round trip costs the
 * server more than the rows it writes). SQLite has no data-modifying WITH queries: {@link Renders}
 * keeps a statement a table there. Each answers the rows the renders' update changed, as (recipe,
 * attempt) pairs.
 */
final class RenderStatements {
    private RenderStatements() {
    }

    /** A row a group statement changed: its recipe and attempt (or queue version). */
    record Changed(String recipe, long number) {
    }

    /**
     * Starts every render of {@code group} (column {@code recipe}) still to be made at its next
     * attempt, closes any earlier attempt of it still open as abandoned, opens the new one for
     * {@code worker}: one statement.
     */
    static List<Changed> claim(Connection c, GroupRows group, String worker, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(group.with() + ", claimed AS (UPDATE renders SET status = ?,"
                + " started_at = ?, attempt = attempt + 1 WHERE " + group.keyAmong("recipe", "recipe")
                + " AND status IN (?, ?) AND NOT EXISTS (SELECT 1 FROM takes t WHERE t.recipe = renders.recipe"
                + " AND t.status = ? AND t.shot = renders.shot AND t.take_number = renders.take_number)"
                + " RETURNING recipe, attempt),"
                // only a revived render (attempt above 1) has an earlier attempt to close: the array is mostly empty
                + " closed AS (UPDATE attempts SET finished_at = ?, outcome = ?, reason = ? WHERE attempts.recipe = ANY"
                + " (ARRAY(SELECT recipe FROM claimed WHERE attempt > 1)) AND attempts.finished_at IS NULL"
                + " AND attempts.attempt < (SELECT k.attempt FROM claimed k WHERE k.recipe = attempts.recipe)),"
                + " opened AS (INSERT INTO attempts (recipe, attempt, worker, started_at)"
                + " SELECT recipe, attempt, ?, ? FROM claimed)"
                + " SELECT recipe, attempt FROM claimed")) {
            int i = group.bind(c, st, 1);
            st.setString(i++, RenderRecord.RENDERING);
            st.setLong(i++, now);
            st.setString(i++, RenderRecord.QUEUED);
            st.setString(i++, RenderRecord.RENDERING);
            st.setString(i++, TakeRecord.RENDERED);
            st.setLong(i++, now);
            st.setString(i++, Renders.ABANDONED);
            st.setString(i++, Renders.TAKEN_UP_AGAIN);
            st.setString(i++, worker);
            st.setLong(i, now);
            return changed(st);
        }
    }

    /**
     * Ends as rendered each render of {@code group} (columns {@code recipe, attempt, cost}) whose
     * attempt still holds it, and that attempt as {@code ok}: one statement, the fence and the
     * attempt together.
     */
    static List<Changed> rendered(Connection c, GroupRows group, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(group.with() + ", ended AS (UPDATE renders SET status = ?,"
                + " reason = NULL, finished_at = ?, cost = u.cost FROM u WHERE " + group.keyAmong("renders.recipe", "recipe")
                + " AND renders.recipe = u.recipe AND renders.status = ? AND renders.attempt = u.attempt"
                + " RETURNING renders.recipe, renders.attempt),"
                + " ok AS (UPDATE attempts SET finished_at = ?, outcome = ?, reason = NULL WHERE attempts.recipe = ANY"
                + " (ARRAY(SELECT recipe FROM ended)) AND (attempts.recipe, attempts.attempt) IN"
                + " (SELECT recipe, attempt FROM ended))"
                + " SELECT recipe, attempt FROM ended")) {
            int i = group.bind(c, st, 1);
            st.setString(i++, RenderRecord.RENDERED);
            st.setLong(i++, now);
            st.setString(i++, RenderRecord.RENDERING);
            st.setLong(i++, now);
            st.setString(i, Renders.OK);
            return changed(st);
        }
    }

    /**
     * Which of {@code asked}, in order, a statement changed ({@code changed}, each row once): a row
     * asked for twice changed only once, as statements row by row would have it (the first).
     */
    static boolean[] firstOf(List<Changed> asked, List<Changed> changed) {
        java.util.Set<Changed> left = new java.util.HashSet<>(changed);
        boolean[] out = new boolean[asked.size()];
        for (int i = 0; i < asked.size(); i++) {
            out[i] = left.remove(asked.get(i));
        }
        return out;
    }

    private static List<Changed> changed(PreparedStatement st) throws SQLException {
        List<Changed> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Changed(rs.getString(1), rs.getLong(2)));
            }
        }
        return out;
    }
}
