package film.slate.store.db;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        // A row already there keeps its text unless that text was damaged (it differs from what hashes to the id,
        // which this recipe's text does): then the build stores it again, which is what the damage's sentence says.
        try (PreparedStatement st = c.prepareStatement("INSERT INTO recipes (id, shot, take_number, backend, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body"
                + " WHERE recipes.body <> excluded.body")) {
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
     * A recipe from the body this store keeps under {@code id}: the canonical text a Slate wrote under its hash,
     * accepted when this Slate would write exactly that text for what it says ({@link Recipe#ofStored}: it knows
     * every member and value, and hashed the text) and the hash is the row's id. Any other text goes through
     * {@code parse}, which reads it as before or says what is wrong; a text whose recipe is not the row's
     * (a damaged row) is refused.
     *
     * @throws DamagedRecipeException when the text does not hash to the row's id
     */
    static Recipe stored(String id, String shot, int take, String backend, String body) {
        Optional<Recipe> canonical = Recipe.ofStored(body);
        if (canonical.isPresent()) {
            if (canonical.get().id().equals(id)) {
                return canonical.get();
            }
            throw new DamagedRecipeException(id, shot, take, backend);
        }
        Recipe parsed;
        try {
            parsed = Recipe.parse(body);
        } catch (IllegalArgumentException unread) {
            if (Sha256.hex(body.getBytes(StandardCharsets.UTF_8)).equals(id)) {
                throw unread; // whole as written, by a Slate that knows more: parse's sentence says so
            }
            throw new DamagedRecipeException(id, shot, take, backend);
        }
        if (!parsed.id().equals(id)) {
            throw new DamagedRecipeException(id, shot, take, backend);
        }
        return parsed;
    }

    /** A recipe by id; for a fix's id ({@link Fixes}), the render recipe the fix belongs to (its root). */
    public Optional<Recipe> get(String id) {
        return db.read(c -> {
            // one round trip: a worker reads the recipe of every take it claims
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM recipes WHERE id = COALESCE("
                    + "(SELECT root FROM fixes WHERE id = ?), ?)")) {
                st.setString(1, id);
                st.setString(2, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The recipes of {@code ids}, in order (empty where unknown), read in one query: the recipes of
     * the takes a worker's jobs picked together. A fix's id is looked up alone ({@link #get}).
     *
     * @throws DamagedRecipeException for the first damaged row among them
     */
    public List<Optional<Recipe>> getAll(List<String> ids) {
        Read read = db.read(c -> read(c, ids));
        if (!read.damaged().isEmpty()) {
            throw read.damaged().get(0);
        }
        return inOrder(read, ids);
    }

    /**
     * As {@link #getAll(List)}, inside the caller's transaction (a worker's pick and claim), but a damaged row is
     * left out (empty) instead of thrown: one damaged row fails its own render, not the batch.
     */
    public List<Optional<Recipe>> getSound(Connection c, List<String> ids) throws SQLException {
        return inOrder(read(c, ids), ids);
    }

    /** The sound recipes of a query by id, and its rows whose text does not hash to their id. */
    public record Read(Map<String, Recipe> sound, List<DamagedRecipeException> damaged) {
        public Read {
            sound = Map.copyOf(sound);
            damaged = List.copyOf(damaged);
        }
    }

    /** The recipe of each of {@code ids}, in order: empty where unknown or damaged, a fix's root read alone. */
    private List<Optional<Recipe>> inOrder(Read read, List<String> ids) {
        Set<String> bad = new HashSet<>();
        read.damaged().forEach(d -> bad.add(d.recipe()));
        return ids.stream().map(id -> read.sound().containsKey(id) ? Optional.of(read.sound().get(id))
                : bad.contains(id) ? Optional.<Recipe>empty() : root(id)).toList();
    }

    private Optional<Recipe> root(String fix) {
        try {
            return get(fix);
        } catch (DamagedRecipeException damagedRoot) {
            return Optional.empty(); // a reader that needs it reads it alone, and hears why
        }
    }

    /**
     * The rows of {@code ids} in one query, inside the caller's transaction (a worker's pick and claim): the
     * sound recipes by id, and the damaged rows apart, so that one damaged row fails its own render and not
     * the batch (which would be picked again, and fail again, for ever).
     */
    public Read read(Connection c, List<String> ids) throws SQLException {
        Map<String, Recipe> sound = new HashMap<>();
        List<DamagedRecipeException> damaged = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM recipes WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                st.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    try {
                        sound.put(rs.getString(1), stored(rs));
                    } catch (DamagedRecipeException e) {
                        damaged.add(e);
                    }
                }
            }
        }
        return new Read(sound, damaged);
    }

    /** Every damaged row ({@code slate verify}): each recipe's text hashed and compared with its id. */
    public List<DamagedRecipeException> damaged() {
        return db.read(c -> {
            List<DamagedRecipeException> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM recipes ORDER BY id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    try {
                        stored(rs);
                    } catch (DamagedRecipeException e) {
                        out.add(e);
                    } catch (IllegalArgumentException whole) {
                        // whole as written, by a Slate that knows more: not damage
                    }
                }
            }
            return out;
        });
    }

    /** Puts back the text of the damaged row {@code id} ({@code slate verify --repair}, from the recipe's object). */
    public void restore(Connection c, Recipe recipe) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE recipes SET body = ? WHERE id = ?")) {
            st.setString(1, recipe.canonical());
            st.setString(2, recipe.id());
            st.executeUpdate();
        }
    }

    private static final String COLUMNS = "id, shot, take_number, backend, body";

    private static Recipe stored(ResultSet rs) throws SQLException {
        return stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5));
    }
}
