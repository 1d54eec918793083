package film.slate.store.db;

import film.slate.core.recipe.FixRecipe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fix recipes (issue 14): each with its parent and root recipe. A fix is also a row of
 * {@code recipes} (its canonical JSON as the body), since its take version names it as any take
 * names its recipe; {@link Recipes#get} answers a fix's root recipe, the recipe it belongs to.
 */
public final class Fixes {
    private final Database db;

    public Fixes(Database db) {
        this.db = db;
    }

    /** A stored fix: its recipe, the render recipe its chain starts from, and when it was first recorded. */
    public record Stored(FixRecipe recipe, String root, long createdAt) {
        public String id() {
            return recipe.id();
        }

        public String parent() {
            return recipe.parent();
        }
    }

    /** Records a fix (once: a known id is left as it is), inside the caller's transaction. */
    public void put(Connection c, FixRecipe fix, String root, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO recipes (id, shot, take_number, backend, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            st.setString(1, fix.id());
            st.setString(2, fix.shot());
            st.setInt(3, fix.take());
            st.setString(4, fix.edit().backend().name());
            st.setString(5, fix.canonical());
            st.setLong(6, now);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO fixes (id, shot, take_number, parent, root, mask, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            st.setString(1, fix.id());
            st.setString(2, fix.shot());
            st.setInt(3, fix.take());
            st.setString(4, fix.parent());
            st.setString(5, root);
            st.setString(6, fix.edit().mask());
            st.setString(7, fix.canonical());
            st.setLong(8, now);
            st.executeUpdate();
        }
    }

    public Optional<Stored> get(String id) {
        return db.read(c -> get(c, id));
    }

    public Optional<Stored> get(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT body, root, created_at FROM fixes WHERE id = ?")) {
            st.setString(1, id);
            List<Stored> all = all(st);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
    }

    /** Every fix of a shot that made a take version, in the order of the versions (take, then version). */
    public List<Stored> ofShot(String shot) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT f.body, f.root, f.created_at FROM fixes f JOIN takes t"
                    + " ON t.recipe = f.id AND t.shot = f.shot AND t.take_number = f.take_number WHERE f.shot = ?"
                    + " GROUP BY f.id, f.body, f.root, f.created_at ORDER BY MIN(t.take_number), MIN(t.version)")) {
                st.setString(1, shot);
                return all(st);
            }
        });
    }

    /** Fix id to the render recipe it belongs to, for every fix. */
    public Map<String, String> roots() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, root FROM fixes"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The mask objects of every fix: what garbage collection keeps. */
    public Set<String> masks() {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT mask FROM fixes");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static List<Stored> all(PreparedStatement st) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Stored(FixRecipe.parse(rs.getString(1)), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }
}
