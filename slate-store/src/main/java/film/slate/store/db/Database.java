package film.slate.store.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The store's database: a data source, migrated on open, and transactions over it. */
public final class Database {
    private final DataSource dataSource;
    private final String dialect;

    private Database(DataSource dataSource, String dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The SQLite database at {@code file}: WAL, a busy timeout, immediate write transactions; migrated. */
    public static Database sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(60_000);
        config.enforceForeignKeys(true);
        // Write transactions take the write lock at BEGIN, so two processes never deadlock on upgrade.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return migrated(ds, "sqlite");
    }

    /** Any other database (PostgreSQL): the same tables from the dialect's migrations. */
    public static Database of(DataSource dataSource, String dialect) {
        return migrated(dataSource, dialect);
    }

    private static Database migrated(DataSource ds, String dialect) {
        Flyway.configure(Database.class.getClassLoader()).dataSource(ds).loggers("slf4j")
                .locations("classpath:db/migration/" + dialect).load().migrate();
        return new Database(ds, dialect);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String dialect() {
        return dialect;
    }

    /** Work on one connection in autocommit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Work as one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** {@code PRAGMA integrity_check} on SQLite: "ok" when the file is sound. */
    public String integrityCheck() {
        return read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    /** Database work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }
}
