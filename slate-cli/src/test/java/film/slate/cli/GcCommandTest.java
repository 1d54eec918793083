package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.testing.TestPatternGenerator;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GcCommandTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void gcRefusesWhileABuildInAnotherProcessHoldsTheStoreAndRunsAfterIt() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Store.open(dir).close();
        Slate.inProcess("gc", tmp.resolve("none").toString()); // the command tree loaded: gc below answers at once
        Path log = tmp.resolve("build.log");
        Path hold = Files.createFile(tmp.resolve("hold")); // the render waits until the test has run gc
        Process build = Slate.start(log, List.of("-Dslate.test.hold=" + hold), "build", dir.toString(), "--jobs", "1");
        while (!Files.exists(log) || Files.readAllLines(log).stream().noneMatch(l -> l.startsWith("start "))) {
            assertThat(build.isAlive()).isTrue();
            Thread.sleep(20);
        }
        Slate.Run refused = Slate.inProcess("gc", dir.toString());
        assertThat(refused.code()).isEqualTo(ExitCode.BUSY);
        assertThat(refused.err()).contains("a build is using the store").contains("nothing was removed");
        Files.delete(hold);
        assertThat(build.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).startsWith("removed 0 objects");
        try (Store store = Store.open(dir)) {
            assertThat(store.takes().ofAll()).hasSize(3).allSatisfy(t -> assertThat(store.objects().has(
                    t.master().orElseThrow())).isTrue());
        }
    }

    @Test
    void gcRefusesWhileABuildInThisProcessHoldsTheStore() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Path root;
        try (Store store = Store.open(dir)) {
            root = store.root();
        }
        StoreLock.Lease build = StoreLock.shared(root);
        try {
            assertThat(Slate.inProcess("gc", dir.toString()).code()).isEqualTo(ExitCode.BUSY);
        } finally {
            build.close();
        }
        assertThat(Slate.inProcess("gc", dir.toString()).code()).isZero();
    }

    @Test
    void gcKeepsTheFramesThatAFramesIndexNames() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        TestPatternGenerator.Faults frames = new TestPatternGenerator.Faults(0, List.of(), List.of(), true, 0,
                Optional.empty());
        assertThat(Slate.inProcess(frames, "build", dir.toString()).code()).isZero();
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).startsWith("removed 0 objects");
        try (Store store = Store.open(dir)) {
            // two indexes, per take one frame stored once, per take its receipt and its recipe's body (previz binds
            // no reference, so its recipes name the reference files by path only and none is stored)
            assertThat(store.objects().all()).hasSize(8);
        }
    }

    /**
     * kill -9 mid-build and the loss of slate.db-wal: the takes recorded before the kill are in the
     * database file (checkpointed as each was recorded), and gc removes none of their objects.
     */
    @Test
    @Timeout(180)
    void takesRecordedBeforeAKillSurviveTheLossOfTheWalAndGcKeepsTheirObjects() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 4);
        Store.open(dir).close();
        Path log = tmp.resolve("build.log");
        Process build = Slate.start(log, List.of("-Dslate.test.delay.ms=300"), "build", dir.toString(), "--jobs", "1");
        String pid = " " + build.pid();
        // One job at a time: a take starts only after the one before it was recorded.
        while (!Files.exists(log) || Files.readAllLines(log).stream().filter(l -> l.startsWith("start ") && l.endsWith(pid))
                .count() < 3) {
            assertThat(build.isAlive()).isTrue();
            Thread.sleep(10);
        }
        build.destroyForcibly(); // SIGKILL
        assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> recorded = Files.readAllLines(log).stream().filter(l -> l.startsWith("start ") && l.endsWith(pid))
                .map(l -> l.split(" ")[1]).limit(2).toList();
        Files.deleteIfExists(dir.resolve(".slate/slate.db-wal"));
        Files.deleteIfExists(dir.resolve(".slate/slate.db-shm"));

        List<String> objects;
        try (Store store = Store.open(dir)) {
            assertThat(store.takes().renderedRecipes()).containsAll(recorded);
            objects = store.takes().ofAll().stream().filter(t -> recorded.contains(t.recipe()))
                    .map(t -> t.master().orElseThrow()).toList();
        }
        assertThat(objects).hasSize(2);
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).as(gc.err()).isZero();
        try (Store store = Store.open(dir)) {
            assertThat(objects).allSatisfy(h -> assertThat(store.objects().has(h)).isTrue());
        }
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();
    }

    @Test
    void gcKeepsUnreferencedObjectsWrittenSinceTheLastCheckpointOrNamedByARecentEventUnlessForced() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        String fresh;
        String old;
        String named;
        try (Store store = Store.open(dir)) {
            java.time.Instant checkpoint = store.database().lastCheckpoint().orElseThrow();
            fresh = store.objects().put("written after the checkpoint".getBytes());
            java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(checkpoint.minusSeconds(3600));
            Files.setLastModifiedTime(store.objects().path(fresh), java.nio.file.attribute.FileTime.from(
                    checkpoint.plusSeconds(1)));
            old = store.objects().put("an old leftover".getBytes());
            Files.setLastModifiedTime(store.objects().path(old), before);
            named = store.objects().put("named by an event".getBytes());
            Files.setLastModifiedTime(store.objects().path(named), before);
            store.events().append(film.slate.store.db.Event.of("test", "rendered", "take 1/1S1#1 v9", "1/1S1",
                    "{\"master\":\"" + named + "\"}", null));
        }
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).startsWith("removed 1 objects");
        assertThat(gc.err()).contains("kept 2 unreferenced objects").contains("--force");
        try (Store store = Store.open(dir)) {
            assertThat(store.objects().has(old)).isFalse();
            assertThat(store.objects().has(fresh)).isTrue();
            assertThat(store.objects().has(named)).isTrue();
        }
        Slate.Run forced = Slate.inProcess("gc", dir.toString(), "--force");
        assertThat(forced.out()).startsWith("removed 2 objects");
        // gc is on the record as user@host:pid, like a build
        assertThat(Slate.inProcess("log", dir.toString()).out().lines().filter(l -> l.contains("  gc  ")))
                .hasSize(2).allSatisfy(l -> assertThat(l).containsPattern("  \\S+@\\S+:" + ProcessHandle.current().pid()
                        + "  gc  "));
    }

    @Test
    void theNextBuildClearsWorkFoldersOfDeadProcessesAndGcClearsAll() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Path work = Files.createDirectories(dir.resolve(".slate/work"));
        // PIDs on Linux stay below 2^22: this process is not alive
        Path dead = Files.createDirectories(work.resolve("99999999-0b6c"));
        Files.writeString(dead.resolve("stderr.log"), "left by a killed build");
        Path live = Files.createDirectories(work.resolve(ProcessHandle.current().pid() + "-5d1e"));
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.out()).contains("1 work folders");
        assertThat(live).doesNotExist();
    }
}
