package film.slate.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verdicts on take versions. Approving one version of a shot replaces the shot's approval, so a
 * shot has at most one approved take version at a time; rejecting or asking a fix of the approved
 * version withdraws it. Each verdict is an event too.
 */
public final class Decisions {
    private final Database db;

    public Decisions(Database db) {
        this.db = db;
    }

    /** Records {@code verdict} on {@code take} by {@code actor} at {@code at} (epoch ms), in one transaction. */
    public DecisionRecord decide(TakeVersion take, Verdict verdict, String actor, long at, Optional<String> reason,
            Optional<Long> note) {
        return db.transaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO decisions (shot, take_number, version, verdict, actor,"
                    + " decided_at, reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, take.shot());
                st.setInt(2, take.take());
                st.setInt(3, take.version());
                st.setString(4, verdict.word());
                st.setString(5, actor);
                st.setLong(6, at);
                st.setString(7, reason.orElse(null));
                Notes.setLong(st, 8, note);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (verdict == Verdict.APPROVED) {
                approve(c, take, id);
            } else if (approved(c, take.shot()).filter(take::equals).isPresent()) {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM approvals WHERE shot = ?")) {
                    st.setString(1, take.shot());
                    st.executeUpdate();
                }
            }
            var details = Region.JSON.createObjectNode().put("take", take.take()).put("version", take.version());
            note.ifPresent(n -> details.put("note", n));
            new EventLog(db).append(c, Event.of(actor, verdict.word(), take.label(), take.shot(), details.toString(),
                    reason.orElse(null)));
            return new DecisionRecord(id, take, verdict, actor, at, reason, note);
        });
    }

    private static void approve(Connection c, TakeVersion take, long decision) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM approvals WHERE shot = ?")) {
            st.setString(1, take.shot());
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO approvals (shot, take_number, version, decision)"
                + " VALUES (?, ?, ?, ?)")) {
            st.setString(1, take.shot());
            st.setInt(2, take.take());
            st.setInt(3, take.version());
            st.setLong(4, decision);
            st.executeUpdate();
        }
    }

    private static Optional<TakeVersion> approved(Connection c, String shot) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT take_number, version FROM approvals WHERE shot = ?")) {
            st.setString(1, shot);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new TakeVersion(shot, rs.getInt(1), rs.getInt(2))) : Optional.empty();
            }
        }
    }

    /** The approved take version of every shot that has one, keyed by shot. */
    public Map<String, TakeVersion> approvals() {
        return db.read(c -> {
            Map<String, TakeVersion> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT shot, take_number, version FROM approvals ORDER BY shot");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TakeVersion(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    /** Every verdict, of one shot when given, oldest first. */
    public List<DecisionRecord> history(Optional<String> shot) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, shot, take_number, version, verdict, actor, decided_at,"
                    + " reason, note FROM decisions" + (shot.isPresent() ? " WHERE shot = ?" : "") + " ORDER BY id")) {
                if (shot.isPresent()) {
                    st.setString(1, shot.get());
                }
                List<DecisionRecord> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DecisionRecord(rs.getLong(1), new TakeVersion(rs.getString(2), rs.getInt(3), rs.getInt(4)),
                                Verdict.of(rs.getString(5)).orElseThrow(), rs.getString(6), rs.getLong(7),
                                Optional.ofNullable(rs.getString(8)), Notes.optionalLong(rs, 9)));
                    }
                }
                return out;
            }
        });
    }
}
