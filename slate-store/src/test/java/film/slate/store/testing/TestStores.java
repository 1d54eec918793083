package film.slate.store.testing;

import film.slate.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens stores for tests on either database ({@link StoreKind}). Register it as a static field
 * with {@code @RegisterExtension}: the class gets a PostgreSQL database of its own (on the JVM's
 * {@link PostgresCluster}), emptied before each test, and {@link #open} opens a production's
 * store on it through slate.yaml's {@code store:}, as a studio configures it. Without PostgreSQL
 * installed the PostgreSQL cases are skipped with the reason, unless CI requires them.
 */
public final class TestStores implements BeforeAllCallback, BeforeEachCallback {
    /** The environment variable the tests' slate.yaml names for the password. */
    public static final String PASSWORD_ENV = "SLATE_TEST_DB_PASSWORD";

    private String database;
    private boolean created;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = "slate_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (created) {
            empty();
        }
    }

    /** The cluster, started (and this class's database created) on first use. */
    public PostgresCluster cluster() throws Exception {
        var reason = PostgresCluster.unavailable();
        if (reason.isPresent() && System.getenv(PostgresCluster.REQUIRED_ENV) != null) {
            throw new IllegalStateException(reason.get());
        }
        Assumptions.assumeTrue(reason.isEmpty(), () -> reason.orElse(""));
        PostgresCluster cluster = PostgresCluster.get();
        if (!created) {
            cluster.createDatabase(database);
            created = true;
        }
        return cluster;
    }

    public String database() {
        return database;
    }

    /** The environment a process of the studio has: the password in the variable slate.yaml names. */
    public Map<String, String> environment() throws Exception {
        return Map.of(PASSWORD_ENV, cluster().password());
    }

    /** The {@code store:} lines of a slate.yaml that names this class's database. */
    public String storeYaml() throws Exception {
        return "store:\n  database: " + cluster().url(database) + "\n  user: " + PostgresCluster.USER
                + "\n  password_env: " + PASSWORD_ENV + "\n";
    }

    /**
     * Opens the store of the production in {@code folder} on {@code kind}: for PostgreSQL, a
     * slate.yaml naming this class's database is written first (unless the folder has one).
     */
    public Store open(StoreKind kind, Path folder) throws Exception {
        if (kind == StoreKind.SQLITE) {
            return Store.open(folder, Map.of());
        }
        Path yaml = Files.createDirectories(folder).resolve("slate.yaml");
        if (!Files.exists(yaml)) {
            Files.writeString(yaml, "title: Test\nid: test\n" + storeYaml(), StandardCharsets.UTF_8);
        }
        return Store.open(folder, environment());
    }

    /** Removes every row of the class's database, keeping its tables: each test starts on an empty store. */
    private void empty() throws SQLException, IOException, InterruptedException {
        try (Connection c = PostgresCluster.get().connect(database); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                st.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        }
    }
}
