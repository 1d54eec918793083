package film.slate.store.db;

import film.slate.core.recipe.Recipe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every recipe that was ever queued, by id: what {@code slate why} compares against. */
public final class Recipes {
    private final Database db;

    public Recipes(Database db) {
        this.db = db;
    }

    /** Records recipes (and their inputs) that are not yet known, in one transaction. */
    public void put(Collection<Recipe> recipes) {
        db.transaction(c -> {
            put(c, recipes);
            return null;
        });
    }

    public void put(Connection c, Collection<Recipe> recipes) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO recipes (id, shot, take_number, backend, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (Recipe r : recipes) {
                for (Recipe input : r.inputs()) {
                    add(st, input, now);
                }
                add(st, r, now);
            }
            st.executeBatch();
        }
    }

    private static void add(PreparedStatement st, Recipe r, long now) throws SQLException {
        st.setString(1, r.id());
        st.setString(2, r.shot());
        st.setInt(3, r.take());
        st.setString(4, r.backend());
        st.setString(5, r.canonical());
        st.setLong(6, now);
        st.addBatch();
    }

    /**
     * A recipe from the body this store keeps: the canonical text a Slate wrote under its hash,
     * accepted when this Slate would write exactly that text for what it says ({@link
     * Recipe#ofStored}: it knows every member and value). Any other text goes through {@code parse},
     * which reads it as before or says what is wrong.
     */
    static Recipe stored(String body) {
        return Recipe.ofStored(body).orElseGet(() -> Recipe.parse(body));
    }

    /** A recipe by id; for a fix's id ({@link Fixes}), the render recipe the fix belongs to (its root). */
    public Optional<Recipe> get(String id) {
        return db.read(c -> {
            // one round trip: a worker reads the recipe of every take it claims
            try (PreparedStatement st = c.prepareStatement("SELECT body FROM recipes WHERE id = COALESCE((SELECT root"
                    + " FROM fixes WHERE id = ?), ?)")) {
                st.setString(1, id);
                st.setString(2, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The recipes of {@code ids}, in order (empty where unknown), read in one query: the recipes of
     * the takes a worker's jobs picked together. A fix's id is looked up alone ({@link #get}).
     */
    public List<Optional<Recipe>> getAll(List<String> ids) {
        java.util.Map<String, Recipe> found = db.read(c -> bodies(c, ids));
        return ids.stream().map(id -> found.containsKey(id) ? Optional.of(found.get(id)) : get(id)).toList();
    }

    /** As {@link #getAll(List)}, on {@code c} (inside the caller's transaction: a worker's pick and claim). */
    public List<Optional<Recipe>> getAll(Connection c, List<String> ids) throws SQLException {
        java.util.Map<String, Recipe> found = bodies(c, ids);
        return ids.stream().map(id -> found.containsKey(id) ? Optional.of(found.get(id)) : get(id)).toList();
    }

    private static java.util.Map<String, Recipe> bodies(Connection c, List<String> ids) throws SQLException {
        java.util.Map<String, Recipe> out = new java.util.HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, body FROM recipes WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                st.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), stored(rs.getString(2)));
                }
            }
        }
        return out;
    }
}
