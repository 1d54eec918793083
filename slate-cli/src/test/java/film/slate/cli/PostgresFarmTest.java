package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two checkouts of one production (two machines, each with its own {@code .slate/}) on one
 * PostgreSQL store and one objects folder: builds at once render every take once; a build killed
 * mid-render leaves no partial object and no second version, and the other checkout finishes it.
 */
class PostgresFarmTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    /** Checkouts {@code a} and {@code b} of the same production, both naming this class's database and one objects folder. */
    private List<Path> checkouts() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path dir = SyntheticProduction.write(tmp.resolve(name), 3, 4);
            Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                    + STORES.storeYaml() + "  objects: " + tmp.resolve("shared/objects") + "\n");
            dirs.add(dir);
        }
        return dirs;
    }

    private Process build(Path dir, Path log, String... props) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dslate.test.log=" + log));
        cmd.addAll(List.of(props));
        cmd.addAll(List.of(Slate.MAIN, "build", dir.toString(), "--jobs", "2"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve(dir.getFileName() + ".err").toFile());
        pb.environment().putAll(STORES.environment());
        return pb.start();
    }

    private static List<String[]> logLines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> l.split(" ")).toList() : List.of();
    }

    private void finished(Process p, Path dir) throws Exception {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve(dir.getFileName() + ".err"))).isZero();
    }

    @Test
    void twoCheckoutsBuildingAtOnceRenderEveryTakeOnce() throws Exception {
        List<Path> dirs = checkouts();
        Store.open(dirs.get(0), STORES.environment()).close(); // migrate once before the race
        Path log = tmp.resolve("race.log");
        Process a = build(dirs.get(0), log, "-Dslate.test.delay.ms=40");
        Process b = build(dirs.get(1), log, "-Dslate.test.delay.ms=40");
        finished(a, dirs.get(0));
        finished(b, dirs.get(1));
        Map<String, Integer> starts = new HashMap<>();
        logLines(log).stream().filter(l -> l[0].equals("start")).forEach(l -> starts.merge(l[1], 1, Integer::sum));
        assertThat(starts).hasSize(15);
        assertThat(starts.values()).containsOnly(1);
        try (Store store = Store.open(dirs.get(1), STORES.environment())) {
            assertThat(store.takes().ofAll()).hasSize(15);
        }
    }

    /** A build killed (SIGKILL) while it holds two renders: the other checkout renders them, once. */
    @Test
    void aKilledBuildsTakesAreFinishedByTheOtherCheckoutWithoutASecondVersion() throws Exception {
        List<Path> dirs = checkouts();
        Path log = tmp.resolve("kill.log");
        Path hold = Files.createFile(tmp.resolve("hold"));
        Process a = build(dirs.get(0), log, "-Dslate.test.hold=" + hold);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (logLines(log).stream().filter(l -> l[0].equals("start")).count() < 2) { // both of its renders under way
            assertThat(a.isAlive()).as("the build ended before it started two renders").isTrue();
            assertThat(System.nanoTime()).as("two renders started").isLessThan(deadline);
            Thread.sleep(10); // polling the render log for an event, not timing anything
        }
        Set<String> held = logLines(log).stream().filter(l -> l[0].equals("start")).map(l -> l[1])
                .collect(Collectors.toSet());
        a.destroyForcibly(); // SIGKILL on Linux
        assertThat(a.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Files.delete(hold);

        Process b = build(dirs.get(1), log);
        finished(b, dirs.get(1));
        long pid = b.pid();
        Set<String> byB = logLines(log).stream().filter(l -> l[0].equals("done") && l[2].equals(String.valueOf(pid)))
                .map(l -> l[1]).collect(Collectors.toSet());
        assertThat(byB).containsAll(held).hasSize(15);
        try (Store store = Store.open(dirs.get(1), STORES.environment())) {
            assertThat(store.takes().ofAll()).hasSize(15); // one version each: nothing recorded twice
            for (String hash : store.objects().all()) {
                assertThat(Sha256.file(store.objects().path(hash))).isEqualTo(hash); // no partial object is visible
            }
        }
    }
}
