package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import film.slate.store.Store;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationsTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theListOfMigrationsIsTheFolderOfEachDialect(String dialect) throws Exception {
        assertThat(versions(dialect)).isEqualTo(Database.MIGRATIONS);
    }

    @Test
    void aNewStoreIsMigratedAndThenCurrentSoFlywayIsSkipped() {
        Path file = tmp.resolve("slate.db");
        try (Database db = Database.sqlite(file)) {
            assertThat(Database.current(db.dataSource())).isTrue();
            db.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
                }
                return null;
            });
            assertThat(Database.current(db.dataSource())).isFalse();
        }
    }

    @Test
    void onPostgresqlTooANewStoreIsMigratedAndThenCurrent() throws Exception {
        try (Store s = STORES.open(StoreKind.POSTGRESQL, tmp)) {
            assertThat(Database.current(s.database().dataSource())).isTrue();
            assertThat(s.database().dialect()).isEqualTo("postgresql");
        }
    }

    /** The two dialects' migrations make the same tables with the same columns, nullability and keys. */
    @Test
    void bothDialectsMakeTheSameTables() throws Exception {
        Map<String, List<String>> sqlite;
        try (Store s = STORES.open(StoreKind.SQLITE, tmp.resolve("a"))) {
            sqlite = s.database().read(MigrationsTest::columns);
        }
        Map<String, List<String>> postgresql;
        try (Store s = STORES.open(StoreKind.POSTGRESQL, tmp.resolve("b"))) {
            postgresql = s.database().read(MigrationsTest::columns);
        }
        assertThat(postgresql.keySet()).contains("takes", "renders", "events", "notes", "scheduled_tasks");
        assertThat(postgresql).isEqualTo(sqlite);
    }

    /** Each table (Flyway's own aside): its columns as {@code name nullable}, and its primary key. */
    private static Map<String, List<String>> columns(java.sql.Connection c) throws java.sql.SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        var meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                String schema = rs.getString("TABLE_SCHEM");
                if (!table.startsWith("flyway_") && !table.startsWith("sqlite_")
                        && (schema == null || schema.equals("public"))) {
                    tables.put(table, new ArrayList<>());
                }
            }
        }
        for (var e : tables.entrySet()) {
            java.util.SortedSet<String> key = new java.util.TreeSet<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, null, e.getKey())) {
                while (rs.next()) {
                    key.add(rs.getString("COLUMN_NAME"));
                }
            }
            try (ResultSet rs = meta.getColumns(null, null, e.getKey(), "%")) {
                while (rs.next()) { // SQLite calls an INTEGER PRIMARY KEY nullable; a key is never null anyway
                    String name = rs.getString("COLUMN_NAME");
                    e.getValue().add(name + (rs.getInt("NULLABLE") == 0 && !key.contains(name) ? " not null" : ""));
                }
            }
            e.getValue().add("primary key " + key);
        }
        return tables;
    }

    private static List<String> versions(String dialect) throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(Database.class.getResource("/db/migration/" + dialect).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }
}
