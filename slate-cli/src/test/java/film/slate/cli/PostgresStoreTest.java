package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §1: the commands work unchanged on a store in PostgreSQL named by slate.yaml, with its
 * objects in a shared folder, and the password (from the environment only) ends up nowhere: not in
 * the production, its store folder, the objects, the commands' output, nor the database dump.
 */
class PostgresStoreTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** {@code slate ARGS} in a child JVM whose environment holds the password; returns the exit code. */
    private int slate(String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Slate.MAIN));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().putAll(STORES.environment());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("slate " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    private String out(String name) throws Exception {
        return Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private JsonNode summary(String name) throws Exception {
        List<String> lines = out(name).lines().filter(l -> l.startsWith("{")).toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void buildRebuildAndLogOnPostgresqlWithSharedObjectsAndThePasswordNowhere() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 3);
        Path objects = tmp.resolve("shared/objects");
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                + STORES.storeYaml() + "  objects: " + objects + "\n");

        assertThat(slate("check", "check", dir.toString())).as(out("check")).isIn(0, 1);
        assertThat(slate("build", "build", dir.toString(), "--json", "--jobs", "2")).as(out("build")).isZero();
        assertThat(summary("build").path("rendered").asInt()).isEqualTo(6);
        assertThat(slate("rebuild", "build", dir.toString(), "--json")).isZero();
        assertThat(summary("rebuild").path("rendered").asInt()).isZero(); // incremental on PostgreSQL too
        assertThat(summary("rebuild").path("cached").asInt()).isEqualTo(6);
        assertThat(slate("log", "log", dir.toString())).isZero();
        assertThat(out("log")).contains("rendered");

        try (var c = STORES.cluster().connect(STORES.database()); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT master) FROM takes")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
            assertThat(rs.getInt(2)).isEqualTo(6);
            try (Store store = Store.open(dir, STORES.environment())) {
                assertThat(store.database().dialect()).isEqualTo("postgresql");
                var take = store.takes().ofShot("1/1S1").get(0);
                String master = take.master().orElseThrow();
                assertThat(store.objects().path(master)).startsWithRaw(objects);
                assertThat(store.objects().check(master)).isEqualTo(film.slate.store.ObjectStore.Health.SOUND);
            }
        }
        assertThat(dir.resolve(Store.FOLDER).resolve("slate.db")).doesNotExist();
        assertThat(dir.resolve(Store.FOLDER).resolve("objects")).doesNotExist();

        String password = STORES.cluster().password();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(password);
            }
        }
        assertThat(STORES.cluster().dump(STORES.database())).contains("rendered").doesNotContain(password);
    }

    /** A password written into slate.yaml: every command refuses the production at its line, and repeats it nowhere. */
    @Test
    void aPasswordInSlateYamlIsAnInvalidProduction() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("q"), 1, 1);
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                + "store:\n  database: postgresql://127.0.0.1:5432/film\n  password: hunter2\n");
        Slate.Run build = Slate.inProcess("build", dir.toString());
        assertThat(build.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(build.err()).contains("slate.yaml:").contains("password_env").doesNotContain("hunter2");
        Slate.Run check = Slate.inProcess("check", dir.toString());
        assertThat(check.out() + check.err()).contains("schema/field").doesNotContain("hunter2");
        assertThat(dir.resolve(Store.FOLDER)).doesNotExist();
    }
}
