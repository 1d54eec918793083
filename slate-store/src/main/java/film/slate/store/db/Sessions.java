package film.slate.store.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Review sessions, kept by the SHA-256 of their random cookie so that a copy of the database
 * signs nobody in. Opening one is a {@code logged-in} event, closing one a {@code logged-out} event.
 */
public final class Sessions {
    private final Database db;

    public Sessions(Database db) {
        this.db = db;
    }

    /** A new session's cookie value and the record it names. */
    public record Opened(String cookie, SessionRecord session) {
    }

    /** Signs {@code user} in at {@code at} for {@code ttlMillis}; {@code how} says how (link, token) for the log. */
    public Opened open(String user, Role role, long at, long ttlMillis, String how) {
        String cookie = TokenHash.random(32);
        SessionRecord s = new SessionRecord(user, role, TokenHash.random(32), at, at + ttlMillis);
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO sessions (id_hash, user_name, role, csrf, created_at,"
                    + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, TokenHash.fast(cookie));
                st.setString(2, user);
                st.setString(3, role.word());
                st.setString(4, s.csrf());
                st.setLong(5, at);
                st.setLong(6, s.expiresAt());
                st.executeUpdate();
            }
            new EventLog(db).append(c, Event.of(user, "logged-in", "user/" + user, null,
                    Region.JSON.createObjectNode().put("role", role.word()).put("by", how).toString(), null));
            return null;
        });
        return new Opened(cookie, s);
    }

    /** The live session a cookie names at time {@code now}. */
    public Optional<SessionRecord> find(String cookie, long now) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT user_name, role, csrf, created_at, expires_at FROM sessions"
                    + " WHERE id_hash = ? AND expires_at > ?")) {
                st.setString(1, TokenHash.fast(cookie));
                st.setLong(2, now);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new SessionRecord(rs.getString(1), Role.of(rs.getString(2)).orElse(Role.VIEWER),
                            rs.getString(3), rs.getLong(4), rs.getLong(5))) : Optional.<SessionRecord>empty();
                }
            }
        });
    }

    /** Ends a session (signing out), a {@code logged-out} event of its user; false when there was none. */
    public boolean close(String cookie) {
        return db.transaction(c -> {
            String user;
            try (PreparedStatement st = c.prepareStatement("SELECT user_name FROM sessions WHERE id_hash = ?")) {
                st.setString(1, TokenHash.fast(cookie));
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    user = rs.getString(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
                st.setString(1, TokenHash.fast(cookie));
                st.executeUpdate();
            }
            new EventLog(db).append(c, Event.of(user, "logged-out", "user/" + user, null, null, null));
            return true;
        });
    }
}
