package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Review notes on take versions, their replies and their resolution; each change is an event too. */
public final class Notes {
    /** The longest note text kept, in characters. */
    public static final int MAX_TEXT = 10_000;
    private static final String COLUMNS = "id, shot, take_number, version, frame, end_frame, fps_num, fps_den, region,"
            + " body, author, created_at, reply_to, resolved_at, resolved_by";

    private final Database db;

    public Notes(Database db) {
        this.db = db;
    }

    /** What a reviewer writes: where in the take, what region, what text; a reply names its note. */
    public record Draft(TakeVersion take, long frame, Optional<Long> endFrame, int fpsNum, int fpsDen,
            Optional<Region> region, String text, Optional<Long> replyTo) {
        public Draft {
            if (frame < 0 || endFrame.filter(e -> e < frame).isPresent()) {
                throw new IllegalArgumentException("frames count from 0 and a range ends at or after its start");
            }
            if (fpsNum < 1 || fpsDen < 1) {
                throw new IllegalArgumentException("the frame rate is a fraction of two positive integers");
            }
            if (text.isBlank() || text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("a note's text must hold between 1 and " + MAX_TEXT + " characters");
            }
        }
    }

    /** Stores a note by {@code author} at {@code at} (epoch ms), with its event, in one transaction. */
    public NoteRecord add(Draft d, String author, long at) {
        return db.transaction(c -> {
            if (d.replyTo().isPresent() && find(c, d.replyTo().get()).isEmpty()) {
                throw new IllegalArgumentException("there is no note " + d.replyTo().get() + " to reply to");
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notes (shot, take_number, version, frame, end_frame,"
                    + " fps_num, fps_den, region, body, author, created_at, reply_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, d.take().shot());
                st.setInt(2, d.take().take());
                st.setInt(3, d.take().version());
                st.setLong(4, d.frame());
                setLong(st, 5, d.endFrame());
                st.setInt(6, d.fpsNum());
                st.setInt(7, d.fpsDen());
                st.setString(8, d.region().map(r -> r.toJson().toString()).orElse(null));
                st.setString(9, d.text());
                st.setString(10, author);
                st.setLong(11, at);
                setLong(st, 12, d.replyTo());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            NoteRecord note = find(c, id).orElseThrow();
            new EventLog(db).append(c, Event.of(author, d.replyTo().isPresent() ? "replied" : "noted", "note/" + id,
                    d.take().shot(), details(note).toString(), null));
            return note;
        });
    }

    /** Marks a note resolved; false when it does not exist or was resolved already. */
    public boolean resolve(long id, String actor, long at) {
        return db.transaction(c -> {
            Optional<NoteRecord> note = find(c, id);
            if (note.isEmpty() || note.get().resolved()) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE notes SET resolved_at = ?, resolved_by = ? WHERE id = ?")) {
                st.setLong(1, at);
                st.setString(2, actor);
                st.setLong(3, id);
                st.executeUpdate();
            }
            new EventLog(db).append(c, Event.of(actor, "resolved", "note/" + id, note.get().take().shot(), null, null));
            return true;
        });
    }

    public Optional<NoteRecord> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** Every note, of one shot when given, oldest first; only unresolved ones when {@code openOnly}. */
    public List<NoteRecord> list(Optional<String> shot, boolean openOnly) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM notes WHERE 1 = 1" + (shot.isPresent() ? " AND shot = ?" : "")
                    + (openOnly ? " AND resolved_at IS NULL" : "") + " ORDER BY id";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                if (shot.isPresent()) {
                    st.setString(1, shot.get());
                }
                return all(st);
            }
        });
    }

    /** The event details of a note: where it is, without its text (the text is in the notes table). */
    static com.fasterxml.jackson.databind.node.ObjectNode details(NoteRecord n) {
        var o = Region.JSON.createObjectNode().put("take", n.take().take()).put("version", n.take().version())
                .put("frame", n.frame()).put("fps", n.fpsNum() + "/" + n.fpsDen());
        n.endFrame().ifPresent(e -> o.put("to", e));
        n.region().ifPresent(r -> o.set("region", r.toJson()));
        n.replyTo().ifPresent(r -> o.put("reply_to", r));
        return o;
    }

    private Optional<NoteRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM notes WHERE id = ?")) {
            st.setLong(1, id);
            List<NoteRecord> l = all(st);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    private static List<NoteRecord> all(PreparedStatement st) throws SQLException {
        List<NoteRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new NoteRecord(rs.getLong(1), new TakeVersion(rs.getString(2), rs.getInt(3), rs.getInt(4)),
                        rs.getLong(5), optionalLong(rs, 6), rs.getInt(7), rs.getInt(8),
                        Optional.ofNullable(rs.getString(9)).map(Region::parse), rs.getString(10), rs.getString(11),
                        rs.getLong(12), optionalLong(rs, 13), optionalLong(rs, 14), Optional.ofNullable(rs.getString(15))));
            }
        }
        return out;
    }

    static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static void setLong(PreparedStatement st, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            st.setLong(index, value.get());
        } else {
            st.setNull(index, Types.BIGINT);
        }
    }
}
