package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared sync ({@link SyncBarrier}) against a model of a file system: a write is durable only
 * once a sync that was called after the write returned has ended well, and a failed sync may have
 * lost anything written before it ended. A thread that {@code cover} lets go must find its write
 * durable; one whose sync failed must hear so; syncs are shared, never overlap, and never more than
 * one runs for threads that arrive while another runs.
 */
class SyncBarrierTest {
    /** A file system's writes and syncs, as a model: which writes a sync made durable, which a failure lost. */
    private static final class Disk {
        final AtomicInteger writes = new AtomicInteger();
        final Set<Integer> durable = ConcurrentHashMap.newKeySet();
        final Set<Integer> lost = ConcurrentHashMap.newKeySet();
        final AtomicInteger syncs = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        /** Writes that have returned, in order (a sync makes those durable that returned before it was called). */
        final List<Integer> returned = new ArrayList<>();

        int write() {
            int w = writes.incrementAndGet();
            synchronized (returned) {
                returned.add(w);
            }
            return w;
        }

        /** One sync: what returned before its call is durable if it ends well, lost if it fails. */
        void sync(boolean fail, Runnable middle) throws IOException {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            syncs.incrementAndGet();
            List<Integer> before;
            synchronized (returned) {
                before = List.copyOf(returned);
            }
            middle.run(); // other threads write and arrive while it runs
            running.decrementAndGet();
            if (fail) {
                failed.incrementAndGet();
                synchronized (returned) {
                    for (int w : returned) {
                        if (!durable.contains(w)) {
                            lost.add(w); // a failed write-back may concern anything written until it ends
                        }
                    }
                }
                throw new IOException("cannot sync the objects' file system (errno 5)");
            }
            durable.addAll(before);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 9_300 + i);
    }

    /**
     * Threads write, take a ticket and cover it, in seeded interleavings (seeded spins inside the sync
     * let others write and arrive meanwhile) with seeded failures: every cover that returns finds its
     * write durable and not lost; syncs never overlap; a cover fails only when some sync failed.
     * (That syncs are shared is shown by the test that holds a sync and counts them.)
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCoveredWriteIsDurableAndSyncsAreShared(long seed) throws Exception {
        Random random = new Random(seed);
        Disk disk = new Disk();
        int threads = 2 + random.nextInt(7);
        int rounds = 20 + random.nextInt(40);
        double failing = random.nextInt(3) == 0 ? 0.05 : 0;
        long syncSeed = random.nextLong();
        Random syncRandom = new Random(syncSeed);
        SyncBarrier barrier = new SyncBarrier(() -> {
            boolean fail;
            int spins;
            synchronized (syncRandom) {
                fail = syncRandom.nextDouble() < failing;
                spins = syncRandom.nextInt(20_000);
            }
            disk.sync(fail, () -> spin(spins));
        });
        AtomicInteger covers = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long mine = random.nextLong();
            Thread th = new Thread(() -> {
                Random r = new Random(mine);
                try {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        int w;
                        long ticket;
                        synchronized (disk.returned) { // the ticket read as the write returns (see SyncBarrier)
                            w = disk.write();
                            ticket = barrier.ticket();
                        }
                        spin(r.nextInt(5_000));
                        try {
                            barrier.cover(ticket);
                            covers.incrementAndGet();
                            if (!disk.durable.contains(w) || disk.lost.contains(w)) {
                                wrong.add("write " + w + " let go but not durable");
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet(); // safe; only a sync that failed may cause it (checked below)
                        }
                    }
                } catch (InterruptedException e) {
                    wrong.add("interrupted");
                }
            });
            all.add(th);
            th.start();
        }
        go.countDown();
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> { // a hang guard, not a speed check
            for (Thread th : all) {
                th.join();
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(disk.overlaps.get()).isZero();
        assertThat(covers.get() + failures.get()).isEqualTo(threads * rounds);
        if (disk.failed.get() == 0) {
            assertThat(failures.get()).as("no sync failed").isZero();
        }
    }

    private static void spin(int n) {
        for (int i = 0; i < n; i++) {
            Thread.onSpinWait();
        }
    }

    /** A controlled sync: each call waits until the test lets it end (well or not), and says it started. */
    private static final class HeldSync implements SyncBarrier.Sync {
        final Semaphore started = new Semaphore(0);
        final Semaphore release = new Semaphore(0);
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failNext;

        @Override
        public void sync() throws IOException {
            calls.incrementAndGet();
            started.release();
            release.acquireUninterruptibly();
            if (failNext) {
                failNext = false;
                throw new IOException("cannot sync the objects' file system (No space left on device)");
            }
        }
    }

    private static Thread covering(SyncBarrier barrier, long ticket, List<Throwable> outcome) {
        Thread t = new Thread(() -> {
            try {
                barrier.cover(ticket);
                outcome.add(new Throwable("covered"));
            } catch (IOException e) {
                outcome.add(e);
            }
        });
        t.start();
        return t;
    }

    /** Returns once a sync has started for {@code callers}; fails (never hangs) when they all ended without one. */
    private static void awaitSync(HeldSync sync, List<Thread> callers) {
        while (!sync.started.tryAcquire()) {
            assertThat(callers.stream().anyMatch(Thread::isAlive)).as("a sync started for them").isTrue();
            Thread.onSpinWait();
        }
    }

    private static void waitUntilWaiting(Thread t) {
        while (t.getState() != Thread.State.WAITING && t.isAlive()) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aCallerArrivingWhileASyncRunsWaitsForTheNextOneAndThoseArrivingMeanwhileShareIt() throws Exception {
        HeldSync sync = new HeldSync();
        SyncBarrier barrier = new SyncBarrier(sync);
        List<Throwable> first = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread a = covering(barrier, barrier.ticket(), first);
        awaitSync(sync, List.of(a)); // a's sync runs; what follows was written after it started
        long late = barrier.ticket();
        List<Throwable> later = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(covering(barrier, late, later));
        }
        waiting.forEach(SyncBarrierTest::waitUntilWaiting);
        sync.release.release(); // a's sync ends: it began before their writes, so it does not let them go
        a.join();
        assertThat(first).hasSize(1);
        awaitSync(sync, waiting); // one of them runs the next sync, for all five (not let go by a's)
        assertThat(later).isEmpty();
        sync.release.release();
        for (Thread t : waiting) {
            t.join();
        }
        assertThat(later).hasSize(5).allMatch(t -> t.getMessage().equals("covered"));
        assertThat(sync.calls.get()).isEqualTo(2);
        barrier.cover(late); // already covered: no sync
        assertThat(sync.calls.get()).isEqualTo(2);
    }

    @Test
    void aFailedSyncFailsEveryTicketReadBeforeItEndedAndNotLaterOnesNorCoveredOnes() throws Exception {
        HeldSync sync = new HeldSync();
        SyncBarrier barrier = new SyncBarrier(sync);
        long covered = barrier.ticket();
        sync.release.release();
        barrier.cover(covered); // a sync that ends well: what it covered was on disk before any failure
        sync.started.acquire();
        long early = barrier.ticket();
        List<Throwable> outcome = new java.util.concurrent.CopyOnWriteArrayList<>();
        sync.failNext = true;
        Thread a = covering(barrier, early, outcome);
        awaitSync(sync, List.of(a));
        long during = barrier.ticket(); // written while the failing sync runs: its write-back may have been lost
        sync.release.release();
        a.join();
        assertThat(outcome).singleElement().isInstanceOf(IOException.class);
        sync.release.release(); // a sync run now would end well at once (and hide the loss)
        assertThatThrownBy(() -> barrier.cover(during)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        assertThat(sync.calls.get()).as("a later sync would succeed and hide the loss").isEqualTo(2);
        long after = barrier.ticket();
        barrier.cover(after); // runs a sync, which ends at once
        assertThat(sync.calls.get()).isEqualTo(3);
        assertThatThrownBy(() -> barrier.cover(early)).isInstanceOf(IOException.class);
        barrier.cover(covered);
        assertThat(sync.calls.get()).isEqualTo(3);
    }

    /** Syncs that end as scripted, one outcome a call: null ends well, else the error it throws. */
    private static SyncBarrier.Sync scripted(String... outcomes) {
        java.util.Deque<String> left = new java.util.ArrayDeque<>(List.of(outcomes));
        return () -> {
            String error = left.isEmpty() ? null : left.pop();
            if (error != null && !error.isEmpty()) {
                throw new IOException(error);
            }
        };
    }

    /**
     * A render's writes begin after {@code since} and end before the ticket: a sync that failed
     * between the two (another group's) may have lost them, though it ended before the ticket was
     * read and a later sync ends well.
     */
    @Test
    void aSyncThatFailedWhileTheWritesWereUnderWayFailsTheirCover() throws Exception {
        SyncBarrier barrier = new SyncBarrier(scripted("", "cannot sync (errno 5)", ""));
        barrier.cover(barrier.ticket()); // a good sync first: the failure below is not the first of the process
        long since = barrier.ticket(); // the render starts
        long other = barrier.ticket();
        assertThatThrownBy(() -> barrier.cover(other)).hasMessageContaining("errno 5"); // another group's keep
        long ticket = barrier.ticket(); // the render's writes have returned
        assertThatThrownBy(() -> barrier.cover(since, ticket)).isInstanceOf(IOException.class)
                .hasMessageContaining("errno 5");
        barrier.cover(ticket, ticket); // writes begun after the failure are judged by the syncs that follow
    }

    /**
     * Syncs that keep failing alike are kept as one failure, not one a sync, and still fail every ticket read before
     * the last of them ended; a different error, or one after a good sync, is kept apart and reported as its own.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void failuresThatRepeatAreKeptAsOne(long seed) throws Exception {
        Random random = new Random(seed);
        int repeats = 50 + random.nextInt(500);
        List<String> script = new ArrayList<>();
        script.add(""); // a good sync first
        for (int i = 0; i < repeats; i++) {
            script.add("cannot sync (errno 5)");
        }
        script.add("");
        script.add("cannot sync (No space left on device)");
        SyncBarrier barrier = new SyncBarrier(scripted(script.toArray(String[]::new)));
        barrier.cover(barrier.ticket());
        long before = barrier.ticket();
        long midway = -1;
        int at = random.nextInt(repeats);
        for (int i = 0; i < repeats; i++) {
            if (i == at) {
                midway = barrier.ticket();
            }
            long t = barrier.ticket();
            assertThatThrownBy(() -> barrier.cover(t)).hasMessageContaining("errno 5");
        }
        assertThat(barrier.failuresKept()).isEqualTo(1);
        long lastOne = midway;
        assertThatThrownBy(() -> barrier.cover(before)).hasMessageContaining("errno 5");
        assertThatThrownBy(() -> barrier.cover(lastOne)).hasMessageContaining("errno 5");
        long after = barrier.ticket();
        barrier.cover(after); // the good sync
        long next = barrier.ticket();
        assertThatThrownBy(() -> barrier.cover(next)).hasMessageContaining("No space left on device");
        assertThat(barrier.failuresKept()).isEqualTo(2);
        barrier.cover(after); // covered before the full disk: stays good
    }

    /** Each poisoned ticket reports the failure that poisoned it (an I/O error is not taken for a full disk). */
    @Test
    void aPoisonedTicketReportsTheFailureThatPoisonedIt() throws Exception {
        SyncBarrier barrier = new SyncBarrier(scripted("cannot sync (errno 5)", "", "cannot sync (No space left on device)"));
        long first = barrier.ticket();
        assertThatThrownBy(() -> barrier.cover(first)).hasMessageContaining("errno 5");
        long second = barrier.ticket();
        barrier.cover(second);
        long third = barrier.ticket();
        long late = barrier.ticket();
        assertThatThrownBy(() -> barrier.cover(third)).hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> barrier.cover(first)).hasMessageContaining("errno 5");
        assertThatThrownBy(() -> barrier.cover(late)).hasMessageContaining("No space left on device");
        barrier.cover(second); // covered before the second failure: still good
    }
}
