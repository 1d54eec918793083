package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeping objects set aside ({@link TrimBin}) on a file system whose shared sync is a stand-in that
 * fails when told: a render's output whose pages a failed sync may have lost (one that ended while
 * the render wrote) is never named, though a later sync ends well.
 */
class TrimBinTest {
    @TempDir
    Path tmp;

    /** {@code syncfs} that fails with EIO while {@code failing}, or at its call number {@code failCall}. */
    private static final class StandInCalls implements FileSystemSync.LibC {
        volatile boolean failing;
        int syncs;
        int failCall = -1;

        @Override
        public int open(String path, int flags) {
            return -1;
        }

        @Override
        public int syncfs(int fd) {
            if (++syncs == failCall || failing) {
                throw new LastErrorException(5);
            }
            return 0;
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 7_300 + i);
    }

    private ObjectStore store(StandInCalls calls) {
        Path objects = tmp.resolve("objects");
        FileSystemSync.install(objects, calls);
        return new ObjectStore(objects);
    }

    /** Another group's keep whose sync fails (its bytes were written, so it runs one). */
    private static void failedKeepElsewhere(ObjectStore store, StandInCalls calls, Random random) throws IOException {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        ObjectStore.Aside other = store.aside(bytes);
        calls.failing = true;
        assertThatThrownBy(() -> store.keep(List.of(other))).isInstanceOf(IOException.class);
        calls.failing = false;
        store.drop(List.of(other));
    }

    private Path render(Random random) throws IOException {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        Path out = Files.createDirectories(tmp.resolve("work")).resolve("out-" + random.nextLong());
        return Files.write(out, bytes);
    }

    @Test
    void anOutputWhoseRenderSawASyncFailIsNotNamedThoughALaterSyncEndsWell() throws Exception {
        StandInCalls calls = new StandInCalls();
        ObjectStore store = store(calls);
        Random random = new Random(1);
        long written = store.ticket(); // the render starts
        Path out = render(random);
        failedKeepElsewhere(store, calls, random); // ends while the render's pages may still be in memory
        ObjectStore.Aside a = store.aside(out, written);
        assertThatThrownBy(() -> store.keep(List.of(a))).isInstanceOf(IOException.class).hasMessageContaining("errno 5");
        assertThat(store.has(a.hash())).isFalse();

        long again = store.ticket(); // rendered again, after the failure: kept
        ObjectStore.Aside b = store.aside(render(random), again);
        store.keep(List.of(b));
        assertThat(store.has(b.hash())).isTrue();
    }

    @Test
    void aGroupTriedAgainAfterItsNamesSyncFailedFailsThoughItsObjectsAreInPlace() throws Exception {
        StandInCalls calls = new StandInCalls();
        calls.failCall = 2; // the names' sync, after the renames
        ObjectStore store = store(calls);
        Random random = new Random(2);
        long written = store.ticket();
        ObjectStore.Aside a = store.aside(render(random), written);
        assertThatThrownBy(() -> store.keep(List.of(a))).isInstanceOf(IOException.class);
        assertThat(Files.isRegularFile(store.path(a.hash()))).as("renamed before the names' sync failed").isTrue();
        assertThatThrownBy(() -> store.keep(List.of(a))).as("tried again: its directory entry may be lost")
                .isInstanceOf(IOException.class);
        assertThat(calls.syncs).as("no later sync hides the loss").isEqualTo(2);
    }

    /**
     * Seeded groups of renders, a failed sync at a seeded point among their starts (or none): the
     * group's keep fails exactly when some render started before the failure ended, whichever.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aGroupFailsWhenAnyOfItsRendersStartedBeforeAFailedSyncEnded(long seed) throws Exception {
        StandInCalls calls = new StandInCalls();
        ObjectStore store = store(calls);
        Random random = new Random(seed);
        int n = 1 + random.nextInt(6);
        int failAt = random.nextInt(n + 2) - 1; // -1: no failure; n: after every render started
        List<ObjectStore.Aside> group = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == failAt) {
                failedKeepElsewhere(store, calls, random);
            }
            long written = store.ticket();
            group.add(store.aside(render(random), written));
        }
        if (failAt == n) {
            failedKeepElsewhere(store, calls, random);
        }
        java.util.Collections.shuffle(group, random);
        if (failAt > 0) {
            assertThatThrownBy(() -> store.keep(group)).isInstanceOf(IOException.class);
            group.forEach(a -> assertThat(store.has(a.hash())).isFalse());
        } else {
            store.keep(group);
            group.forEach(a -> assertThat(store.has(a.hash())).isTrue());
        }
    }

    /** The ticket a group is judged from: its earliest, an unknown one counting as the process's start. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aGroupIsJudgedFromItsEarliestTicket(long seed) {
        Random random = new Random(seed);
        List<ObjectStore.Aside> group = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            long written = random.nextInt(10) == 0 ? -1 : random.nextInt(1_000);
            earliest = Math.min(earliest, Math.max(0, written));
            group.add(new ObjectStore.Aside("ab".repeat(32), Optional.of(tmp.resolve("f" + i)), written));
        }
        assertThat(TrimBin.since(group)).isEqualTo(earliest);
    }
}
