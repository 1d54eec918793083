package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The append-only event log. There is no update and no delete here, on purpose. */
public final class EventLog {
    private static final String COLUMNS = "id, at, actor, action, object, shot, details, reason";
    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    public void append(Event e) {
        db.transaction(c -> {
            append(c, e);
            return null;
        });
    }

    /** Appends inside the caller's transaction, so the event commits with the change it records. */
    public void append(Connection c, Event e) throws SQLException {
        appendAll(c, List.of(e));
    }

    /**
     * Appends {@code events} in order inside the caller's transaction, in one statement (their ids
     * rise in the list's order).
     */
    public void appendAll(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        GroupRows group = new GroupRows(db, "e", GroupRows.text("actor"), GroupRows.text("action"),
                GroupRows.text("object"), GroupRows.text("shot"), GroupRows.text("details"), GroupRows.text("reason"));
        for (Event e : events) {
            group.add(e.actor(), e.action(), e.object(), e.shot().orElse(null), e.details().orElse(null),
                    e.reason().orElse(null));
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO events (at, actor, action, object, shot, details, reason)"
                + " SELECT ?, e.actor, e.action, e.object, e.shot, e.details, e.reason FROM " + group.table()
                + " ORDER BY e.n")) {
            st.setLong(1, System.currentTimeMillis());
            group.bind(c, st, 2);
            st.executeUpdate();
        }
    }

    /** The id of the last event, 0 when there is none: where a reader that wants only new events starts. */
    public long lastId() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM events");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The events after event {@code id}, oldest first (at most 1,000: read again from the last for more). */
    public List<Event> after(long id) {
        return after(id, 1000);
    }

    /** Events in the order they happened; of one shot when {@code shot} is given. */
    public List<Event> read(Optional<String> shot) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM events" + (shot.isPresent() ? " WHERE shot = ?" : "") + " ORDER BY id";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                if (shot.isPresent()) {
                    st.setString(1, shot.get());
                }
                return rows(st);
            }
        });
    }

    /**
     * The events appended after event {@code id}, oldest first, at most {@code limit}: what a live
     * page has not seen yet, read by the key without scanning the log.
     */
    public List<Event> after(long id, int limit) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE id > ? ORDER BY id"
                    + " LIMIT ?")) {
                st.setLong(1, id);
                st.setInt(2, limit);
                return rows(st);
            }
        });
    }

    private static List<Event> rows(PreparedStatement st) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8))));
            }
        }
        return out;
    }
}
