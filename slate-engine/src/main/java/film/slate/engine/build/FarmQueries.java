package film.slate.engine.build;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepositoryContext;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Execution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * db-scheduler's SQL for a worker: it fetches only the renders of the backends it can reach, and
 * on PostgreSQL it locks and fetches in one go ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then
 * marks them picked), so workers polling at once never wait on each other's rows. Everything else
 * is db-scheduler's own SQL for the dialect.
 */
final class FarmQueries implements JdbcCustomization {
    private final JdbcCustomization base;
    private final String backendCondition;

    private FarmQueries(JdbcCustomization base, Collection<String> backends) {
        this.base = base;
        this.backendCondition = " AND task_instance IN (SELECT recipe FROM renders WHERE backend IN ("
                + backends.stream().map(FarmQueries::literal).collect(Collectors.joining(", ")) + "))";
    }

    /** The queries for {@code dialect} ({@code postgresql} or {@code sqlite}) that fetch only {@code backends}' renders. */
    static FarmQueries of(String dialect, Collection<String> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("no backends");
        }
        JdbcCustomization base = "postgresql".equals(dialect) ? new PostgreSqlJdbcCustomization(true, false)
                : new SqliteJdbcCustomization();
        return new FarmQueries(base, backends);
    }

    /** Whether this database can lock and fetch in one step (PostgreSQL). */
    boolean locksAndFetches() {
        return base.supportsGenericLockAndFetch();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public String createGenericSelectForUpdateQuery(String table, int limit, String andCondition, boolean priority) {
        return base.createGenericSelectForUpdateQuery(table, limit, andCondition + backendCondition, priority);
    }

    @Override
    public String createSelectDueQuery(String table, int limit, String andCondition, boolean priority) {
        return base.createSelectDueQuery(table, limit, andCondition + backendCondition, priority);
    }

    @Override
    public boolean supportsSingleStatementLockAndFetch() {
        return false; // its statement has no place for the backend condition
    }

    @Override
    public List<Execution> lockAndFetchSingleStatement(JdbcTaskRepositoryContext ctx, Instant now, int limit,
            boolean priority) {
        throw new UnsupportedOperationException("single-statement lock and fetch");
    }

    @Override
    public boolean supportsGenericLockAndFetch() {
        return base.supportsGenericLockAndFetch();
    }

    @Override
    public String getName() {
        return base.getName();
    }

    @Override
    public void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
        base.setInstant(p, index, value);
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        return base.getInstant(rs, column);
    }

    @Override
    public void setTaskData(PreparedStatement p, int index, byte[] value) throws SQLException {
        base.setTaskData(p, index, value);
    }

    @Override
    public byte[] getTaskData(ResultSet rs, String column) throws SQLException {
        return base.getTaskData(rs, column);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return base.supportsExplicitQueryLimitPart();
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return base.getQueryLimitPart(limit);
    }
}
