package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.store.Store;
import film.slate.store.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away while a worker renders (issue 17): the worker keeps the finished output
 * aside (an object no take names yet) and records the take when the server is back, once.
 */
class FarmOutageTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    private long objects() throws java.io.IOException {
        Path folder = tmp.resolve("shared/objects");
        if (!Files.isDirectory(folder)) {
            return 0; // made with the first object
        }
        try (var files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("[0-9a-f]{60,64}"))
                    .count();
        }
    }

    /** Files in the render folders of the production's store (a finished render's outputs wait there for their record). */
    private static long waiting(Path dir) throws java.io.IOException {
        Path work = dir.resolve(".slate/work");
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (var files = Files.walk(work)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aTakeFinishedWhileTheDatabaseIsAwayIsRecordedWhenItReturns() throws Exception {
        FarmProcesses farm = new FarmProcesses(STORES, tmp);
        Path dir = farm.checkout("prod", 1, 1, "");
        Files.writeString(dir.resolve("slate.yaml"), "  outage: 300\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(farm.run("build", dir.toString(), "--farm", "--detach")).isZero();
        Path hold = Files.createFile(tmp.resolve("hold"));
        Process worker = farm.start(List.of("-Dslate.test.hold=" + hold), "worker",
                dir.toString(), "--jobs", "1", "--until-idle", "--name", "patient");
        farm.awaitStarts(1, worker);
        long before = objects();
        STORES.cluster().stopServer();
        try {
            Files.delete(hold);
            // the render ends and its output waits aside, hashed in its job's work folder, while the database is away
            farm.await("done", 1, worker);
            FarmProcesses.awaitChange(tmp, () -> waiting(dir) > 0, worker, "the output waits aside");
            assertThat(objects()).isEqualTo(before); // nothing enters the store before a record can name it
            assertThat(farm.count("done")).hasSize(1);
        } finally {
            STORES.cluster().startServer();
        }
        assertThat(worker.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(worker.exitValue()).as(farm.printed()).isZero();
        try (Store store = Store.open(dir, STORES.environment())) {
            assertThat(store.takes().ofAll()).singleElement().satisfies(t -> assertThat(t.version()).isEqualTo(1));
            String recipe = farm.lines().get(0)[1];
            assertThat(store.renders().attemptOutcomes(recipe)).containsExactly("ok");
        }
        assertThat(farm.count("start").values()).containsOnly(1);
    }
}
