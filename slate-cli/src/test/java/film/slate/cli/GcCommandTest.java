package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GcCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("slate.test.frames");
    }

    @Test
    @Timeout(120)
    void gcRefusesWhileABuildInAnotherProcessHoldsTheStoreAndRunsAfterIt() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Store.open(dir).close();
        Slate.inProcess("gc", tmp.resolve("none").toString()); // the command tree loaded: gc below answers at once
        Path log = tmp.resolve("build.log");
        Process build = Slate.start(log, List.of("-Dslate.test.delay.ms=400"), "build", dir.toString(), "--jobs", "1");
        while (!Files.exists(log) || Files.readAllLines(log).stream().noneMatch(l -> l.startsWith("start "))) {
            assertThat(build.isAlive()).isTrue();
            Thread.sleep(20);
        }
        Slate.Run refused = Slate.inProcess("gc", dir.toString());
        assertThat(refused.code()).isEqualTo(ExitCode.BUSY);
        assertThat(refused.err()).contains("a build is using the store").contains("nothing was removed");
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
        System.setProperty("slate.test.frames", "true");
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).startsWith("removed 0 objects");
        try (Store store = Store.open(dir)) {
            // two indexes, per take one frame stored once, and the two reference files the recipes name
            assertThat(store.objects().all()).hasSize(6);
        }
    }
}
