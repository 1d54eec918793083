package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationsTest {
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

    private static List<String> versions(String dialect) throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(Database.class.getResource("/db/migration/" + dialect).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }
}
