package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Sha256;
import film.slate.store.Store;
import film.slate.store.TakeReceipt;
import film.slate.store.db.TakeRecord;
import film.slate.store.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code slate worker} processes on one PostgreSQL store and one objects folder (issue 17): every
 * take queued by {@code slate build --farm} is rendered exactly once by 2 or 4 workers; a worker
 * killed (SIGKILL) mid-render at a seeded random moment leaves its takes to the others, with no
 * second version and no partial object; SIGTERM hands back what a worker holds; a backend's
 * {@code concurrency:} holds across workers; the password is in no output and no dump.
 * {@code -Dslate.farm.trials=N} runs more kill trials (default 2).
 * <p>
 * Nothing here rests on the scheduler: a worker is taken for dead only where revival is the
 * subject, after an explicit SIGKILL ({@link FarmProcesses#DEAD_AFTER_A_KILL}); everywhere else
 * dead-after is an hour ({@link FarmProcesses#NEVER_DEAD}), so a worker starved of the CPU on a
 * loaded machine keeps its take, as a SIGSTOP-stalled one shows; waits end on events, with a
 * hang guard of half an hour ({@link FarmProcesses#HANG}).
 */
class FarmWorkerTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    static Stream<Long> trials() {
        return IntStream.range(0, Integer.getInteger("slate.farm.trials", 2)).mapToObj(i -> 1_000L + i);
    }

    private static void assertOneVersionEachAndWholeObjects(Path dir, int takes) throws Exception {
        try (Store store = Store.open(dir, STORES.environment())) {
            List<TakeRecord> all = store.takes().ofAll();
            assertThat(all).hasSize(takes);
            assertThat(all).allSatisfy(t -> assertThat(t.version()).isEqualTo(1)); // never a second version
            for (String hash : store.objects().all()) {
                assertThat(Sha256.file(store.objects().path(hash))).isEqualTo(hash); // no partial object is visible
            }
        }
    }

    /**
     * What the committed rows name is whole: each take's outputs, its recipe's body and a receipt
     * naming its recipe and master, whatever moment the process that recorded them was killed at
     * (a group's objects are made durable together before its rows commit).
     */
    private static void assertRowsNameWholeObjects(Path dir) throws Exception {
        try (Store store = Store.open(dir, STORES.environment())) {
            var receipts = TakeReceipt.scan(store.objects()).stream().map(f -> f.receipt().recipe() + " "
                    + f.receipt().master()).collect(java.util.stream.Collectors.toSet());
            for (TakeRecord t : store.takes().ofAll()) {
                List<String> named = new ArrayList<>(List.of(t.recipe(), t.master().orElseThrow()));
                t.proxy().ifPresent(named::add);
                t.depth().ifPresent(named::add);
                for (String hash : named) {
                    assertThat(Sha256.file(store.objects().path(hash))).as("take %s#%d", t.shot(), t.take()).isEqualTo(hash);
                }
                assertThat(receipts).as("the receipt of take %s#%d", t.shot(), t.take())
                        .contains(t.recipe() + " " + t.master().orElseThrow());
            }
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {2, 4})
    void workersRenderEveryQueuedTakeExactlyOnce(int workers) throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 3, 4, "");
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach", "--json")).isZero();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            ps.add(farm.start(List.of("-Dslate.test.delay.ms=20"), "worker", dir.toString(), "--jobs", "2",
                    "--until-idle", "--name", "w" + i));
        }
        for (Process p : ps) {
            assertThat(FarmProcesses.ends(p)).isTrue();
            assertThat(p.exitValue()).as(farm.printed()).isZero();
        }
        int takes = farm.count("start").size();
        assertThat(takes).isGreaterThanOrEqualTo(12);
        assertThat(farm.count("start").values()).containsOnly(1);
        assertThat(farm.count("done")).hasSize(takes);
        assertOneVersionEachAndWholeObjects(dir, takes);
        // slate build --farm after the workers: everything is cached, nothing queued
        assertThat(farm.run("build", dir.toString(), "--farm", "--json")).isZero();
        Process list = farm.start(List.of(), "workers", dir.toString(), "--format", "json");
        assertThat(FarmProcesses.ends(list)).isTrue();
        assertThat(list.exitValue()).isZero();
        assertThat(farm.run("workers", dir.toString())).isZero();
        String password = STORES.cluster().password();
        assertThat(farm.printed()).containsPattern("WORKER +STATE +BACKENDS +JOBS +LAST HEARTBEAT +RENDERING")
                .containsPattern("w0 +stopped +main,previz +2 ").contains("\"workers\":[").contains("\"name\":\"w0\"").contains("\"stopped\"")
                .contains("\"cached\":" + takes).doesNotContain(password);
        assertThat(STORES.cluster().dump(STORES.database())).contains("w0").doesNotContain(password);
        try (Stream<Path> files = Files.walk(tmp)) { // checkout, its .slate, the shared objects, every output
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s", f).doesNotContain(password);
            }
        }
    }

    /**
     * A worker that does not run for seconds while it holds a render (stopped by SIGSTOP, as the
     * scheduler of a loaded machine may starve it) is not taken for dead: another worker renders
     * every other take meanwhile, seven renders of 0.6 s one after another (longer than the 3.5 s in
     * which a process silent past dead-after of 2 s would have lost its take), and never starts
     * the held one; resumed, the stalled worker finishes it. Each take starts once.
     */
    @Test
    void aStalledWorkerKeepsItsTakeWhileAnotherRendersTheRest() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 2, 4, "");
        int takes = farm.missing(dir);
        assertThat(takes).isGreaterThanOrEqualTo(8);
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach")).isZero();
        Path hold = Files.createFile(tmp.resolve("hold"));
        Process stalled = farm.start(List.of("-Dslate.test.hold=" + hold), "worker", dir.toString(), "--jobs", "1",
                "--until-idle", "--name", "stalled");
        Process busy = null;
        try {
            farm.awaitStarts(1, stalled);
            FarmProcesses.stall(stalled);
            busy = farm.start(List.of("-Dslate.test.delay.ms=600"), "worker", dir.toString(), "--jobs", "1",
                    "--until-idle", "--name", "busy");
            farm.await("done", takes - 1, busy); // the busy worker stays while the queue holds the stalled one's take
        } finally {
            FarmProcesses.resume(stalled);
            Files.delete(hold);
        }
        for (Process p : List.of(stalled, busy)) {
            assertThat(FarmProcesses.ends(p)).isTrue();
            assertThat(p.exitValue()).as(farm.printed()).isZero();
        }
        assertThat(farm.count("start")).hasSize(takes);
        assertThat(farm.count("start").values()).containsOnly(1);
        assertThat(farm.count("done").values()).containsOnly(1);
        assertOneVersionEachAndWholeObjects(dir, takes);
    }

    /** A worker killed at a seeded random moment: the other takes its renders up; one version each, whole objects. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trials")
    void aKilledWorkersTakesAreFinishedByAnotherWithoutASecondVersion(long seed) throws Exception {
        Random random = new Random(seed);
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 3, 4, "", FarmProcesses.DEAD_AFTER_A_KILL);
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach")).isZero();
        Process victim = farm.start(List.of("-Dslate.test.delay.ms=" + (20 + random.nextInt(60))), "worker",
                dir.toString(), "--jobs", "2", "--name", "victim");
        // Right after the n-th render started (inside one) or ended (between two, or inside the next):
        // the seed says which, by the render log's events, not by a wait on the wall clock.
        farm.await(random.nextBoolean() ? "start" : "done", 1 + random.nextInt(6), victim);
        victim.destroyForcibly(); // SIGKILL
        assertThat(FarmProcesses.ends(victim)).isTrue();
        assertRowsNameWholeObjects(dir); // before anyone else writes: what the victim committed is whole
        Process heir = farm.start(List.of(), "worker", dir.toString(), "--jobs", "2", "--until-idle", "--name", "heir");
        assertThat(FarmProcesses.ends(heir)).isTrue();
        assertThat(heir.exitValue()).as(farm.printed()).isZero();
        int takes = farm.count("done").size();
        assertThat(takes).isGreaterThanOrEqualTo(12);
        assertThat(farm.count("start").keySet()).isEqualTo(farm.count("done").keySet()); // nothing left unrendered
        assertOneVersionEachAndWholeObjects(dir, takes);
        assertRowsNameWholeObjects(dir);
    }

    /**
     * A plain {@code slate build} killed (SIGKILL) mid-render, then a plain build again at once: the
     * new build hands the dead build's takes back as it starts ({@code Workers.handBackDead}), not
     * after dead-after (an hour, {@link FarmProcesses#NEVER_DEAD}, so waiting for it would fail the
     * test), and finishes everything: each take once, the held ones' first attempts closed as
     * abandoned, whole objects.
     */
    @Test
    void aPlainBuildAfterAKilledBuildHandsBackItsTakesAndFinishesEachOnce() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 1, 4, "");
        Path hold = Files.createFile(tmp.resolve("hold"));
        Process killed = farm.start(List.of("-Dslate.test.hold=" + hold), "build", dir.toString(), "--jobs", "2");
        farm.awaitStarts(2, killed); // both jobs inside a render, held there
        killed.destroyForcibly(); // SIGKILL
        assertThat(FarmProcesses.ends(killed)).isTrue();
        List<String> held = farm.lines().stream().filter(l -> l[0].equals("start")).map(l -> l[1]).toList();
        Files.delete(hold);
        assertThat(farm.run("build", dir.toString(), "--jobs", "2")).as(farm.printed()).isZero();
        int takes = farm.count("done").size();
        assertThat(takes).isGreaterThanOrEqualTo(4);
        assertThat(farm.count("done").values()).containsOnly(1);
        assertThat(farm.count("start").keySet()).isEqualTo(farm.count("done").keySet());
        var starts = farm.count("start");
        held.forEach(r -> assertThat(starts.get(r)).as("starts of %s", r).isEqualTo(2));
        try (Store store = Store.open(dir, STORES.environment())) {
            for (String r : held) {
                assertThat(store.renders().attemptOutcomes(r)).containsExactly("abandoned", "ok");
            }
        }
        assertOneVersionEachAndWholeObjects(dir, takes);
    }

    /** SIGTERM while a render is held: the worker exits 0 and hands it back; another worker renders it, once. */
    @Test
    void sigtermHandsBackWhatAWorkerHolds() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 1, 2, "");
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach")).isZero();
        Path hold = Files.createFile(tmp.resolve("hold"));
        Process worker = farm.start(List.of("-Dslate.test.hold=" + hold), "worker", dir.toString(), "--jobs", "1",
                "--grace", "0.2", "--name", "stopping");
        farm.awaitStarts(1, worker);
        worker.destroy(); // SIGTERM
        assertThat(FarmProcesses.ends(worker)).isTrue();
        assertThat(worker.exitValue()).as(farm.printed()).isZero();
        Files.delete(hold);
        assertThat(farm.run("worker", dir.toString(), "--until-idle", "--name", "after")).isZero();
        int takes = farm.count("done").size();
        try (Store store = Store.open(dir, STORES.environment())) {
            String handedBack = farm.lines().get(0)[1];
            assertThat(store.renders().attemptOutcomes(handedBack)).containsExactly("transient", "ok");
            assertThat(store.events().read(java.util.Optional.empty())).anyMatch(e -> e.reason().orElse("")
                    .contains("handed back"));
        }
        assertOneVersionEachAndWholeObjects(dir, takes);
    }

    /** concurrency: 2 on the backend; two workers of three jobs each never have more than two renders under way. */
    @Test
    void aBackendsConcurrencyHoldsAcrossWorkers() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 2, 4, "concurrency: 2");
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach")).isZero();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(farm.start(List.of("-Dslate.test.delay.ms=60"), "worker", dir.toString(), "--jobs", "3",
                    "--until-idle"));
        }
        for (Process p : ps) {
            assertThat(FarmProcesses.ends(p)).isTrue();
            assertThat(p.exitValue()).as(farm.printed()).isZero();
        }
        assertThat(farm.count("done").size()).isGreaterThanOrEqualTo(8);
        assertThat(farm.mostAtOnce()).isLessThanOrEqualTo(2);
    }

    /** A worker for a backend the production does not define says so and exits 2. */
    @Test
    void aWorkerForAnUndefinedBackendExitsTwo() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 1, 1, "");
        assertThat(farm.run("worker", dir.toString(), "--backends", "main,comfy-gpu")).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(farm.printed()).contains("slate.yaml has no backend 'comfy-gpu'");
    }
}
