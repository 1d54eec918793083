package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.store.testing.TestStores;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole {@code slate} processes of a farm on one PostgreSQL store and one objects folder: a
 * production checkout, build and worker processes (the test-pattern generator for type previz,
 * logging {@code start|done RECIPE PID} a render), and what their log says.
 */
final class FarmProcesses {
    /**
     * Dead-after where a death is not what a test is about: an hour, so that no worker starved of
     * the CPU on a loaded machine (a heartbeat late by seconds) is taken for dead and its take
     * rendered twice; only a process that ends hands its takes on (SIGTERM, or a build's hand-back).
     */
    static final double NEVER_DEAD = 3600;
    /** Dead-after where revival is what is tested (the death itself a SIGKILL): picked up within 3.5 s. */
    static final double DEAD_AFTER_A_KILL = 2;

    /**
     * How long a test waits for a process before it calls it hung: half an hour, far beyond any run
     * on a starved machine (at nice 19 among busy loops these tests ran twelve times slower), so that
     * no wait cut short fails a test on timing rather than behaviour.
     */
    static final Duration HANG = Duration.ofMinutes(30);

    private final TestStores stores;
    private final Path tmp;
    private final Path log;
    private int n;

    FarmProcesses(TestStores stores, Path tmp) {
        this.stores = stores;
        this.tmp = tmp;
        this.log = tmp.resolve("render.log");
    }

    /** A checkout of a production of {@code scenes} x {@code shots} on the class's database and a shared objects folder; no one dies of silence. */
    Path checkout(String name, int scenes, int shots, String backendSettings) throws Exception {
        return checkout(name, scenes, shots, backendSettings, NEVER_DEAD);
    }

    /**
     * As above, where every process judges dead renders alike: silent for {@code deadAfter} seconds
     * (slate.yaml's {@code farm:}, the last mapping of the file, so a test may add fields to it).
     */
    Path checkout(String name, int scenes, int shots, String backendSettings, double deadAfter) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve(name), scenes, shots, "previz", backendSettings);
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + stores.storeYaml()
                + "  objects: " + tmp.resolve("shared/objects") + "\nfarm:\n  dead_after: "
                + BigDecimal.valueOf(deadAfter).stripTrailingZeros().toPlainString() + "\n");
        return dir;
    }

    /** Starts {@code slate ARGS} with extra {@code -D} properties; its output and errors go to files named after it. */
    Process start(List<String> props, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xss1m", "-cp", System.getProperty("java.class.path"),
                "-Dslate.test.log=" + log));
        cmd.addAll(props);
        cmd.add(Slate.MAIN);
        cmd.addAll(List.of(args));
        int i = n++;
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("p" + i + ".out").toFile())
                .redirectError(tmp.resolve("p" + i + ".err").toFile());
        pb.environment().putAll(stores.environment());
        return pb.start();
    }

    /** Runs {@code slate ARGS} to its end; returns its exit code. */
    int run(String... args) throws Exception {
        Process p = start(List.of(), args);
        assertThat(ends(p)).as("slate %s ended", List.of(args)).isTrue();
        return p.exitValue();
    }

    /** How many takes {@code slate build DIR --dry-run} would render. */
    int missing(Path dir) throws Exception {
        Path out = tmp.resolve("p" + n + ".out");
        assertThat(run("build", dir.toString(), "--dry-run", "--json")).isZero();
        return (int) Files.readAllLines(out).stream().filter(l -> l.contains("\"event\":\"queued\"")).count();
    }

    /**
     * Stops {@code p} where it stands (SIGSTOP) until {@link #resume}: to the other processes it is
     * one starved of the CPU, silent for as long as the test says.
     */
    static void stall(Process p) throws Exception {
        signal("STOP", p);
    }

    static void resume(Process p) throws Exception {
        signal("CONT", p);
    }

    private static void signal(String name, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertThat(ends(kill)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %d", name, p.pid()).isZero();
    }

    /** Waits for {@code p} to end; false only when it hangs ({@link #HANG}). */
    static boolean ends(Process p) throws InterruptedException {
        return p.waitFor(HANG.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything every process printed, output and errors. */
    String printed() throws IOException {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("p\\d+\\.(out|err)")).toList()) {
                out.append(Files.readString(f));
            }
        }
        return out.toString();
    }

    /** The render log's lines, split. */
    List<String[]> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> l.split(" ")).toList() : List.of();
    }

    /** How many renders of each recipe started (or ended, for {@code done}). */
    Map<String, Integer> count(String what) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        lines().stream().filter(l -> l[0].equals(what)).forEach(l -> out.merge(l[1], 1, Integer::sum));
        return out;
    }

    /** The most renders under way at once, over all processes, by the order of the log's lines. */
    int mostAtOnce() throws IOException {
        int now = 0;
        int most = 0;
        for (String[] l : lines()) {
            now += l[0].equals("start") ? 1 : l[0].equals("done") ? -1 : 0;
            most = Math.max(most, now);
        }
        return most;
    }

    /** Waits until {@code count} renders have started (lines in the render log), woken by the log's changes. */
    void awaitStarts(int count, Process alive) throws Exception {
        await("start", count, alive);
    }

    /** Waits until the render log has {@code count} lines of {@code what} ({@code start} or {@code done}). */
    void await(String what, int count, Process alive) throws Exception {
        awaitChange(tmp, () -> lines().stream().filter(l -> l[0].equals(what)).count() >= count, alive,
                count + " renders " + what);
    }

    /** A condition on files, looked at again after each change. */
    interface Condition {
        boolean holds() throws IOException;
    }

    /**
     * Waits until {@code condition} holds, looking again whenever a file or folder under
     * {@code folder} changes (inotify, through a {@link WatchService}; new folders are watched as
     * they appear), not on a timer. Fails when {@code alive} ends first, and after {@link #HANG} (a
     * hang guard: a process's death is no file event, so the wait wakes once a second to look).
     */
    static void awaitChange(Path folder, Condition condition, Process alive, String what) throws Exception {
        long deadline = System.nanoTime() + HANG.toNanos();
        try (WatchService watch = folder.getFileSystem().newWatchService()) {
            watchTree(watch, folder);
            while (!condition.holds()) {
                assertThat(alive.isAlive()).as("the process ended before: %s", what).isTrue();
                assertThat(System.nanoTime()).as(what).isLessThan(deadline);
                WatchKey key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.context() instanceof Path name && Files.isDirectory(((Path) key.watchable()).resolve(name))) {
                            watchTree(watch, ((Path) key.watchable()).resolve(name));
                        }
                    }
                    key.reset();
                }
            }
        }
    }

    private static void watchTree(WatchService watch, Path top) throws IOException {
        try (var folders = Files.walk(top)) {
            for (Path f : folders.filter(Files::isDirectory).toList()) {
                f.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException gone) {
            // a folder went away meanwhile (a work folder emptied): nothing in it to watch
        }
    }
}
