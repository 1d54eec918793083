package film.slate.store.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Review accounts. A token is {@code NAME.SECRET}: the name finds the account, the secret is
 * checked against its slow hash; the token itself is shown once and never stored.
 */
public final class Users {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Database db;

    public Users(Database db) {
        this.db = db;
    }

    /** Whether {@code name} can name an account: letters, digits, {@code _} and {@code -}, at most 64. */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Adds an account and returns its token, or empty when the name is taken. */
    public Optional<String> add(String name, Role role, String actor, long at) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a user name holds only letters, digits, _ and -, at most 64 of them");
        }
        String secret = TokenHash.random(32);
        String hash = TokenHash.slow(secret);
        return db.transaction(c -> {
            if (find(name).isPresent()) {
                return Optional.empty();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO users (name, role, token_hash, created_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                st.setString(1, name);
                st.setString(2, role.word());
                st.setString(3, hash);
                st.setLong(4, at);
                st.executeUpdate();
            }
            new EventLog(db).append(c, Event.of(actor, "user-added", "user/" + name, null,
                    Region.JSON.createObjectNode().put("role", role.word()).toString(), null));
            return Optional.of(name + "." + secret);
        });
    }

    /** Removes an account and signs out its sessions; false when there was none. */
    public boolean remove(String name, String actor) {
        return db.transaction(c -> {
            int n;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                st.setString(1, name);
                n = st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM sessions WHERE user_name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
            if (n > 0) {
                new EventLog(db).append(c, Event.of(actor, "user-removed", "user/" + name, null, null, null));
            }
            return n > 0;
        });
    }

    /** The account a token belongs to, when the token is right. */
    public Optional<UserRecord> authenticate(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String name = token.substring(0, dot);
        Optional<String> hash = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT token_hash FROM users WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (hash.isEmpty() || !TokenHash.matches(token.substring(dot + 1), hash.get())) {
            return Optional.empty();
        }
        return find(name);
    }

    public Optional<UserRecord> find(String name) {
        return list().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public List<UserRecord> list() {
        return db.read(c -> {
            List<UserRecord> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT name, role, created_at FROM users ORDER BY name");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new UserRecord(rs.getString(1), Role.of(rs.getString(2)).orElse(Role.VIEWER), rs.getLong(3)));
                }
            }
            return out;
        });
    }
}
