package film.slate.store.db;

import film.slate.store.ObjectStore;
import film.slate.store.TakeReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Take versions: appended when a render finishes, never rewritten, except that {@code slate verify
 * --repair} marks a version whose objects are bad {@link TakeRecord#MISSING} (with an event).
 */
public final class Takes {
    private static final String COLUMNS = "id, shot, take_number, version, recipe, backend, status, master, proxy, depth,"
            + " started_at, finished_at, render_ms, cost";

    private final Database db;
    /** Where receipts go (see {@link TakeReceipt}); empty: none are written. */
    private final Optional<ObjectStore> objects;

    public Takes(Database db) {
        this(db, Optional.empty());
    }

    public Takes(Database db, Optional<ObjectStore> objects) {
        this.db = db;
        this.objects = objects;
    }

    /** What a finished render adds. */
    public record Output(String master, Optional<String> proxy, Optional<String> depth) {
    }

    /**
     * Appends a version of take {@code take} of {@code shot} made from {@code recipe}, numbered one
     * past the latest, inside the caller's transaction.
     */
    public TakeRecord append(Connection c, String shot, int take, String recipe, String backend, Output output,
            long startedAt, long finishedAt, OptionalDouble cost) throws SQLException {
        TakeReceipt made = new TakeReceipt(shot, take, recipe, backend, output.master(), output.proxy(), output.depth(),
                startedAt, finishedAt, cost);
        receipt(c, made);
        appendAll(c, List.of(made));
        return latest(c, shot, take).orElseThrow();
    }

    /**
     * Appends a version of each take in {@code made}, each numbered one past the latest of its take,
     * inside the caller's transaction, in one statement; returns the versions in order. Their receipts
     * must be stored already ({@link #keepReceipt}): a batch is what a group of finished renders
     * records at once, and their receipts were written by the renders themselves, side by side.
     */
    public int[] appendAll(Connection c, List<TakeReceipt> made) throws SQLException {
        db.checkpointAfterCommit(); // a recorded take must not live only in the WAL
        int[] versions = new int[made.size()];
        if (made.isEmpty()) {
            return versions;
        }
        GroupRows group = new GroupRows(db, "t", GroupRows.text("shot"), GroupRows.integer("take_number"),
                GroupRows.text("recipe"), GroupRows.text("backend"), GroupRows.text("master"),
                GroupRows.text("proxy"), GroupRows.text("depth"), GroupRows.bigint("started_at"),
                GroupRows.bigint("finished_at"), GroupRows.real("cost"));
        for (TakeReceipt t : made) {
            group.add(t.shot(), t.take(), t.recipe(), t.backend(), t.master(), t.proxy().orElse(null),
                    t.depth().orElse(null), t.startedAt(), t.finishedAt(), t.cost().isPresent() ? t.cost().getAsDouble()
                    : null);
        }
        // Each take's version is one past its latest, and takes of one label in the group follow each other in the
        // group's order: the latest read in the statement that inserts (one round trip less a group), found for
        // each row by the key's index (a correlated look-up: a join's plan, made once while takes was empty, would
        // scan every take).
        Map<Label, List<Integer>> numbered = new java.util.HashMap<>();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO takes (shot, take_number, version, recipe, backend,"
                + " status, master, proxy, depth, started_at, finished_at, render_ms, cost) SELECT t.shot, t.take_number,"
                + " COALESCE((SELECT MAX(x.version) FROM takes x WHERE x.shot = t.shot AND x.take_number = t.take_number),"
                + " 0) + ROW_NUMBER() OVER (PARTITION BY t.shot, t.take_number ORDER BY t.n), t.recipe, t.backend, ?,"
                + " t.master, t.proxy, t.depth, t.started_at, t.finished_at, t.finished_at - t.started_at, t.cost FROM "
                + group.table() + " ORDER BY t.n RETURNING shot, take_number, version")) {
            st.setString(1, TakeRecord.RENDERED);
            group.bind(c, st, 2);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    numbered.computeIfAbsent(new Label(rs.getString(1), rs.getInt(2)), l -> new ArrayList<>())
                            .add(rs.getInt(3));
                }
            }
        }
        // The versions of one label, lowest first, belong to its rows in the group's order.
        numbered.values().forEach(java.util.Collections::sort);
        Map<Label, Integer> used = new java.util.HashMap<>();
        for (int i = 0; i < made.size(); i++) {
            Label label = new Label(made.get(i).shot(), made.get(i).take());
            versions[i] = numbered.get(label).get(used.merge(label, 1, Integer::sum) - 1);
        }
        return versions;
    }

    private record Label(String shot, int take) {
    }

    /**
     * Stores the body of the recipe a take is made from ({@code recipeBody}) and the take's receipt
     * as objects (when this store keeps receipts): before the take's row, outside its transaction.
     */
    public void keepReceipt(TakeReceipt receipt, String recipeBody) throws IOException {
        if (objects.isPresent()) {
            if (!objects.get().has(receipt.recipe())) { // a recipe's id is the hash of its body: stored once
                objects.get().put(recipeBody.getBytes(StandardCharsets.UTF_8));
            }
            objects.get().put(receipt.bytes());
        }
    }

    /** Stores the recipe's body and the take's receipt as objects, before the row: what a lost database is rebuilt from. */
    private void receipt(Connection c, TakeReceipt receipt) throws SQLException {
        if (objects.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT body FROM recipes WHERE id = ?")) {
            st.setString(1, receipt.recipe());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    objects.get().put(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                }
            }
            objects.get().put(receipt.bytes());
        } catch (IOException e) {
            throw new SQLException("cannot store the receipt of take " + receipt.label() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The latest version of a take. */
    public Optional<TakeRecord> latest(String shot, int take) {
        return db.read(c -> latest(c, shot, take));
    }

    public Optional<TakeRecord> latest(Connection c, String shot, int take) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM takes WHERE shot = ? AND take_number = ?"
                + " ORDER BY version DESC LIMIT 1")) {
            st.setString(1, shot);
            st.setInt(2, take);
            return one(st);
        }
    }

    /** The latest version of a take with this recipe whose objects are on hand, if one was ever rendered. */
    public Optional<TakeRecord> withRecipe(Connection c, String recipe) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM takes WHERE recipe = ? AND status = ?"
                + " ORDER BY version DESC LIMIT 1")) {
            st.setString(1, recipe);
            st.setString(2, TakeRecord.RENDERED);
            return one(st);
        }
    }

    /** Marks a take version's objects missing, inside the caller's transaction (which records why). */
    public void markMissing(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE takes SET status = ? WHERE id = ?")) {
            st.setString(1, TakeRecord.MISSING);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }

    public Optional<TakeRecord> withRecipe(String recipe) {
        return db.read(c -> withRecipe(c, recipe));
    }

    /** The latest version of every take, keyed {@code shot#take}. */
    public Map<String, TakeRecord> latestAll() {
        return db.read(c -> {
            Map<String, TakeRecord> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM takes ORDER BY shot, take_number,"
                    + " version")) {
                for (TakeRecord t : all(st)) {
                    out.put(t.label(), t);
                }
            }
            return out;
        });
    }

    /** Every version of every take. */
    public List<TakeRecord> ofAll() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM takes ORDER BY id")) {
                return all(st);
            }
        });
    }

    /** Every version of every take of a shot, oldest first. */
    public List<TakeRecord> ofShot(String shot) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM takes WHERE shot = ?"
                    + " ORDER BY take_number, version")) {
                st.setString(1, shot);
                return all(st);
            }
        });
    }

    /** Every recipe that has an output. */
    public Set<String> renderedRecipes() {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT recipe FROM takes");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Objects that some take names: what garbage collection keeps. */
    public Set<String> referencedObjects() {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT master, proxy, depth FROM takes");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 3; i++) {
                        if (rs.getString(i) != null) {
                            out.add(rs.getString(i));
                        }
                    }
                }
            }
            return out;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM takes"); ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static Optional<TakeRecord> one(PreparedStatement st) throws SQLException {
        List<TakeRecord> all = all(st);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<TakeRecord> all(PreparedStatement st) throws SQLException {
        List<TakeRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                double cost = rs.getDouble(14);
                boolean noCost = rs.wasNull();
                out.add(new TakeRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Optional.ofNullable(rs.getString(8)),
                        Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13), noCost ? OptionalDouble.empty() : OptionalDouble.of(cost)));
            }
        }
        return out;
    }
}
