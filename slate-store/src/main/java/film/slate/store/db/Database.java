package film.slate.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: a pooled data source, migrated on open, and transactions over it.
 * SQLite connections are kept open in a small pool: opening one costs a file open, the pragmas
 * and a schema parse, and closing the last one checkpoints the WAL, which a build that talks to
 * the database a dozen times a take cannot afford.
 */
public final class Database implements AutoCloseable {
    /**
     * The versions of the migrations shipped in {@code db/migration/DIALECT}, oldest first. A store
     * whose history holds exactly these, all successful, is current and Flyway is not started at
     * all (it costs a command half a second). {@code DatabaseTest} checks this list against the
     * folders.
     */
    public static final List<String> MIGRATIONS = List.of("1", "2", "4", "5", "6", "7", "8", "9");

    /** Set by {@link #checkpointAfterCommit()} inside a transaction, read when it has committed. */
    private static final ThreadLocal<Boolean> CHECKPOINT = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    public static final String POSTGRESQL = "postgresql", SQLITE = "sqlite"; // as the migrations' folders name them
    private final String dialect;
    /** The SQLite file, for its checkpoint mark; empty for other databases and the empty store. */
    private final Optional<Path> file;

    private Database(DataSource dataSource, String dialect, Optional<Path> file) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.file = file;
    }

    /**
     * Opens the database file once, plainly, so that a file that is not a database, a folder in its
     * place or a read-only disk is one clear sentence now instead of a pool waiting for minutes.
     */
    public static void probe(Path file) throws java.io.IOException {
        if (Files.isDirectory(file)) {
            throw new java.io.IOException(file + " is a folder, not the store's database; move it away and run again");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(60_000);
        SqliteLibrary.prepare();
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL"); // writes: fails at once on a read-only disk
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw film.slate.store.StoreFault.opening(file, e);
        }
    }

    /** The most connections a SQLite store's pool opens (the job threads of a build, its scheduler, reads). */
    public static final int SQLITE_CONNECTIONS = 24;
    /** The most connections a PostgreSQL store's pool opens, as they are wanted (a worker keeps 6, {@link #openWhole}). */
    public static final int POSTGRESQL_CONNECTIONS = 16;

    /** The SQLite database at {@code file}: WAL, a busy timeout, immediate write transactions; migrated. */
    public static Database sqlite(Path file) {
        return sqlite(file, SQLITE_CONNECTIONS);
    }

    /** The SQLite database at {@code file}, pooled in at most {@code connections} connections. */
    public static Database sqlite(Path file, int connections) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(60_000);
        config.enforceForeignKeys(true);
        // Write transactions take the write lock at BEGIN, so two processes never deadlock on upgrade.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SqliteLibrary.prepare();
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("slate-store");
        pool.setMaximumPoolSize(connections);
        pool.setMinimumIdle(1);
        pool.setIdleTimeout(10_000);
        // A writer may wait for SQLite's lock (the busy timeout) while holding its connection.
        pool.setConnectionTimeout(120_000);
        pool.setInitializationFailTimeout(-1);
        HikariDataSource pooled = new HikariDataSource(pool);
        try {
            return migrated(pooled, SQLITE, Optional.of(file));
        } catch (RuntimeException e) {
            pooled.close();
            throw e;
        }
    }

    /**
     * An empty store's database, in memory (one connection, kept for the life of the pool): what a
     * read-only command sees of a production that has no store yet, without writing one.
     */
    public static Database empty() {
        SqliteLibrary.prepare();
        SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
        ds.setUrl("jdbc:sqlite::memory:");
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("slate-empty-store");
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setMaxLifetime(0);
        HikariDataSource pooled = new HikariDataSource(pool);
        try {
            return migrated(pooled, SQLITE, Optional.empty());
        } catch (RuntimeException e) {
            pooled.close();
            throw e;
        }
    }

    /**
     * The PostgreSQL database at {@code url} ({@code postgresql://HOST:PORT/DB}), pooled; migrated.
     * Reached once plainly first, so that a server that is down or a refused login is one sentence
     * now (naming the server and user, never the password) instead of a pool retrying for minutes.
     */
    public static Database postgresql(String url, Optional<String> user, Optional<String> password)
            throws java.io.IOException {
        return postgresql(url, user, password, POSTGRESQL_CONNECTIONS);
    }

    /** The PostgreSQL database at {@code url}, pooled in at most {@code connections} connections; migrated. */
    public static Database postgresql(String url, Optional<String> user, Optional<String> password, int connections)
            throws java.io.IOException {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL("jdbc:" + url);
        user.ifPresent(ds::setUser);
        password.ifPresent(ds::setPassword);
        ds.setConnectTimeout(20);
        ds.setApplicationName("slate");
        try (Connection c = ds.getConnection()) {
            c.isValid(20);
        } catch (SQLException e) {
            throw new java.io.IOException("cannot use the store's database " + url + user.map(u -> " as " + u).orElse("")
                    + " (" + e.getMessage() + "); check that the server runs, that 'store:' in slate.yaml (or "
                    + "SLATE_STORE_URL) names it, and that the password variable is set", e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("slate-store-postgresql");
        pool.setMaximumPoolSize(connections);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(60_000);
        HikariDataSource pooled = new HikariDataSource(pool);
        try {
            return migrated(pooled, POSTGRESQL, Optional.empty());
        } catch (RuntimeException e) {
            pooled.close();
            throw new java.io.IOException("cannot prepare the store's tables in " + url + " (" + e.getMessage()
                    + "); check that the user may create tables there", e);
        }
    }

    /**
     * Opens {@code connections} of the pool now and keeps them open (HikariCP's advice for a fixed load: as
     * many idle as it uses): a farm worker's loop, recorder, heartbeat and presence each hold one. Opened as
     * wanted instead, each one mid-run cost a login (PostgreSQL's SCRAM-SHA-256: 4,096 HMAC rounds) and its
     * compiling, and an idle one was closed after ten minutes to be opened again at the next burst. Short
     * commands never call this: they open the one or two connections they use.
     */
    public void openWhole(int connections) {
        if (!(dataSource instanceof HikariDataSource h) || !onPostgresql()) {
            return; // SQLite's connections are a file open each; a caller's own data source is the caller's
        }
        int n = Math.min(connections, h.getMaximumPoolSize());
        if (h.getHikariConfigMXBean().getMinimumIdle() >= n) {
            return;
        }
        h.getHikariConfigMXBean().setMinimumIdle(n);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < n) {
                held.add(h.getConnection()); // each one the pool has not opened yet is opened now
            }
        } catch (SQLException e) {
            throw fault(e);
        } finally {
            for (Connection c : held) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // back in the pool or dropped by it: either way not this caller's to keep
                }
            }
        }
    }

    /** Any other database (PostgreSQL, pooled by the caller): the same tables from the dialect's migrations. */
    public static Database of(DataSource dataSource, String dialect) {
        return migrated(dataSource, dialect, Optional.empty());
    }

    private static Database migrated(DataSource ds, String dialect, Optional<Path> file) {
        if (!current(ds)) {
            Flyway.configure(Database.class.getClassLoader()).dataSource(ds).loggers("slf4j")
                    .locations("classpath:db/migration/" + dialect).load().migrate();
        }
        return new Database(ds, dialect, file);
    }

    /** Whether the history table lists exactly {@link #MIGRATIONS}, all applied successfully. */
    static boolean current(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
            return applied.equals(MIGRATIONS);
        } catch (SQLException e) {
            return false; // no history yet (a new store): Flyway creates it
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String dialect() {
        return dialect;
    }

    /** Whether this is a PostgreSQL server's (a farm's store), not one process's SQLite file: the dialect named once. */
    public boolean onPostgresql() {
        return POSTGRESQL.equals(dialect);
    }

    /**
     * Has PostgreSQL plan {@code st} at each execution: the plan a connection kept, made while a growing table
     * ({@code attempts}) held a page or two, scanned all of it every record group; replanned, a look-up (farmsql).
     */
    public void planEachTime(PreparedStatement st) throws SQLException {
        if (onPostgresql()) {
            st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** Ends a correlated subquery so it stays a look-up by key a row: as a join planned on an empty table it scanned
     * all of it for the connection's life (PostgreSQL; RESULTS.md, farmqueue). */
    public String lookUpEachRow() {
        return onPostgresql() ? " OFFSET 0" : "";
    }

    /** Reads on one connection (in autocommit mode). */
    public <T> T read(Work<T> work) {
        return autocommit(work);
    }

    /**
     * Work on one connection in autocommit mode: each statement commits by itself. For writes of one statement
     * (the farm queue's pick, heartbeat, hand-back), where a transaction would only add its round trips.
     */
    public <T> T autocommit(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    /**
     * Work as one transaction: committed when it returns, rolled back when it throws; checkpointed
     * after the commit when the work asked for it ({@link #checkpointAfterCommit()}).
     */
    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            T result;
            boolean checkpoint;
            c.setAutoCommit(false);
            try {
                result = work.on(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                checkpoint = CHECKPOINT.get();
                CHECKPOINT.remove();
                c.setAutoCommit(true);
            }
            if (checkpoint) {
                checkpoint(c);
            }
            return result;
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    private StoreException fault(SQLException e) {
        return new StoreException(e, film.slate.store.StoreFault.sentence(file.orElse(Path.of("(the database)")), e));
    }

    /**
     * Asks the running transaction to checkpoint the WAL once it has committed: what it wrote (a
     * take) then lives in the database file itself, and survives the loss of {@code slate.db-wal}.
     */
    public void checkpointAfterCommit() {
        CHECKPOINT.set(true);
    }

    /**
     * Copies the WAL into the database file (without waiting for readers); when all of it got
     * there, the mark {@code slate.db-checkpointed} is touched: {@link #lastCheckpoint()}.
     */
    private void checkpoint(Connection c) throws SQLException {
        if (file.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(1) == 0 && rs.getInt(2) == rs.getInt(3)) {
                Path mark = checkpointMark(file.get());
                try {
                    if (!Files.exists(mark)) {
                        Files.createFile(mark);
                    }
                    Files.setLastModifiedTime(mark, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                } catch (java.io.IOException e) {
                    // the mark only narrows what gc protects; without it gc protects more, never less
                }
            }
        }
    }

    /**
     * When the database file last held everything committed (the last complete checkpoint), if
     * known. Objects written after it may belong to takes a lost WAL took along.
     */
    public Optional<java.time.Instant> lastCheckpoint() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getLastModifiedTime(checkpointMark(file.get())).toInstant());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Path checkpointMark(Path db) {
        return db.resolveSibling(db.getFileName() + "-checkpointed");
    }

    /**
     * {@code PRAGMA integrity_check} on SQLite: "ok" when the file is sound. A PostgreSQL server
     * keeps its own files sound (its checksums and WAL); "ok" there means it answers.
     */
    public String integrityCheck() {
        if (!SQLITE.equals(dialect)) {
            return read(c -> c.isValid(20) ? "ok" : "the database does not answer");
        }
        return read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    /** Closes the pool this class opened (a caller's own data source is left to the caller). */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource h) {
            h.close();
        }
    }

    /** Database work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }
}
