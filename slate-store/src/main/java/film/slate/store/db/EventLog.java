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
        try (PreparedStatement st = c.prepareStatement("INSERT INTO events (at, actor, action, object, shot, details, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, System.currentTimeMillis());
            st.setString(2, e.actor());
            st.setString(3, e.action());
            st.setString(4, e.object());
            st.setString(5, e.shot().orElse(null));
            st.setString(6, e.details().orElse(null));
            st.setString(7, e.reason().orElse(null));
            st.executeUpdate();
        }
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

    /** The id of the newest event, 0 when the log is empty. */
    public long lastId() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(id) FROM events"); ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
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
