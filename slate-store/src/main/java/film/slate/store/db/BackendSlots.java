package film.slate.store.db;

import java.sql.PreparedStatement;
import java.util.Collection;

/**
 * The farm-wide concurrency of backends: slots {@code 0..limit-1} of a backend, each held by one
 * render (its holder, a name unique to that render) until released or until its lease expires
 * (a killed holder). Taking a slot is one conditional update, so two workers never hold one slot;
 * on PostgreSQL it skips rows another transaction is taking ({@code SKIP LOCKED}).
 */
public final class BackendSlots {
    private final Database db;

    public BackendSlots(Database db) {
        this.db = db;
    }

    /** Takes a free slot of {@code backend} (of {@code limit}) for {@code holder} until {@code expires}; false when all are held. */
    public boolean take(String backend, int limit, String holder, long now, long expires) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO backend_slots (backend, slot, holder, expires_at)"
                    + " VALUES (?, ?, NULL, 0) ON CONFLICT (backend, slot) DO NOTHING")) {
                for (int i = 0; i < limit; i++) {
                    st.setString(1, backend);
                    st.setInt(2, i);
                    st.addBatch();
                }
                st.executeBatch();
            }
            boolean pg = db.onPostgresql();
            try (PreparedStatement st = c.prepareStatement("UPDATE backend_slots SET holder = ?, expires_at = ?"
                    + " WHERE backend = ? AND (holder IS NULL OR expires_at < ?) AND slot = (SELECT slot FROM"
                    + " backend_slots WHERE backend = ? AND slot < ? AND (holder IS NULL OR expires_at < ?)"
                    + " ORDER BY slot LIMIT 1" + (pg ? " FOR UPDATE SKIP LOCKED" : "") + ")")) {
                st.setString(1, holder);
                st.setLong(2, expires);
                st.setString(3, backend);
                st.setLong(4, now);
                st.setString(5, backend);
                st.setInt(6, limit);
                st.setLong(7, now);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Extends the leases of the slots {@code holders} hold. */
    public void renew(Collection<String> holders, long expires) {
        if (holders.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE backend_slots SET expires_at = ? WHERE holder = ?")) {
                for (String h : holders) {
                    st.setLong(1, expires);
                    st.setString(2, h);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Lets go of the slot {@code holder} holds. */
    public void release(String holder) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE backend_slots SET holder = NULL, expires_at = 0"
                    + " WHERE holder = ?")) {
                st.setString(1, holder);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** How many slots of {@code backend} are held now. */
    public int held(String backend, long now) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM backend_slots WHERE backend = ?"
                    + " AND holder IS NOT NULL AND expires_at >= ?")) {
                st.setString(1, backend);
                st.setLong(2, now);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
