package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit as the job threads use it: every request is done in exactly one committed group and
 * answered with its own answer; a request whose transaction fails fails alone, the rest of its
 * group still commits; a group is never larger than its limit.
 */
class GroupCommitTest {
    /** Bounds a wait that only a lost wake-up would leave hanging. */
    static final Duration HANG = Duration.ofMinutes(1);

    static List<Long> seeds() {
        return new Random(17).longs(Long.getLong("slate.groupcommit.trials", 6)).boxed().toList();
    }

    /** A transaction that answers n with n*10 and fails for the requests that are "bad", keeping what it committed. */
    private static final class Ledger {
        final Map<Integer, Integer> committed = new ConcurrentHashMap<>();
        final AtomicInteger transactions = new AtomicInteger();
        final List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.Set<Integer> bad;

        Ledger(java.util.Set<Integer> bad) {
            this.bad = bad;
        }

        List<Integer> run(List<Integer> group) {
            transactions.incrementAndGet();
            sizes.add(group.size());
            if (group.stream().anyMatch(bad::contains)) {
                throw new IllegalStateException("request " + group.stream().filter(bad::contains).findFirst().get()
                        + " is refused"); // rolled back: nothing of the group is kept
            }
            assertThat(Thread.currentThread().isInterrupted()).as("the leader's interrupt is held off its transaction")
                    .isFalse();
            Thread.yield();
            group.forEach(n -> assertThat(committed.put(n, n * 10)).as("request %d done twice", n).isNull());
            return group.stream().map(n -> n * 10).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRequestIsDoneOnceAndAnsweredItsOwnAnswer(long seed) throws Exception {
        Random random = new Random(seed);
        int threads = 2 + random.nextInt(14);
        int requests = 200 + random.nextInt(400);
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        for (int i = 0; i < requests / 50; i++) {
            bad.add(random.nextInt(requests));
        }
        int most = 1 + random.nextInt(16);
        Ledger ledger = new Ledger(bad);
        GroupCommit<Integer, Integer> group = new GroupCommit<>(ledger::run, most);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < requests; n++) {
                int request = n;
                boolean interrupted = random.nextInt(8) == 0; // its render was stopped: it still waits for its answer
                answers.add(pool.submit(() -> {
                    go.await();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        return group.submit(request);
                    } catch (IllegalStateException refused) {
                        return -1;
                    } finally {
                        assertThat(Thread.interrupted()).as("request %d's interrupt kept", request).isEqualTo(interrupted);
                    }
                }));
            }
            go.countDown();
            for (int n = 0; n < requests; n++) {
                assertThat(answers.get(n).get(60, TimeUnit.SECONDS)).isEqualTo(bad.contains(n) ? -1 : n * 10);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.committed).hasSize(requests - bad.size());
        assertThat(ledger.sizes).allMatch(size -> size <= most);
    }

    /**
     * A first group, of request 0, held committing while requests 1..last are handed in one after another, each
     * once the one before waits (so the order they waited in is known); then let go.
     */
    private static final class HeldFirstGroup {
        final CountDownLatch committing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        /** In the transaction: holds the group of request 0 until {@link #run} lets it go. */
        void hold(List<Integer> g) {
            if (g.contains(0)) {
                committing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Submits 0..last from threads "submitter-N" with {@code submit}, lets the first group go, waits for all. */
        void run(GroupCommit<Integer, Integer> group, int last, IntConsumer submit) throws InterruptedException {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int n = 0; n <= last; n++) {
                int request = n;
                Thread t = new Thread(() -> {
                    try {
                        submit.accept(request);
                    } catch (Throwable e) { // an assertion in a submitter fails the test, not only its thread
                        failed.add(e);
                    }
                }, "submitter-" + n);
                threads.add(t);
                t.start();
                if (n == 0) {
                    assertThat(committing.await(HANG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                } else {
                    while (group.waiting() < n) {
                        Thread.onSpinWait();
                    }
                }
            }
            release.countDown();
            for (Thread t : threads) { // a hang guard (a lost wake-up leaves a thread parked), not a speed check
                t.join(HANG.toMillis());
                assertThat(t.isAlive()).as("%s still waiting for its answer", t.getName()).isFalse();
            }
            assertThat(failed).isEmpty();
        }
    }

    /**
     * While a group commits, a seeded number of threads hand in their requests one after another: when the leader
     * is done it hands the lead to the one that waited longest, which commits all of them as the next group.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theLeadPassesToTheThreadThatWaitedLongest(long seed) throws Exception {
        int waiters = 2 + new Random(seed).nextInt(12);
        HeldFirstGroup held = new HeldFirstGroup();
        List<String> leaders = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<Integer>> groups = java.util.Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> group = new GroupCommit<>(g -> {
            leaders.add(Thread.currentThread().getName());
            groups.add(g);
            held.hold(g);
            return g;
        }, 64);
        held.run(group, waiters, request -> assertThat(group.submit(request)).isEqualTo(request));
        assertThat(leaders).containsExactly("submitter-0", "submitter-1");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, waiters).boxed()
                .toList());
    }

    /**
     * A group whose transaction committed but answered too few requests fails whole: none of its requests is
     * tried again alone, which would do committed work twice.
     */
    @Test
    void aGroupAnsweredShortFailsWholeAndIsNotDoneAgain() throws Exception {
        HeldFirstGroup held = new HeldFirstGroup();
        Map<Integer, Integer> done = new ConcurrentHashMap<>();
        GroupCommit<Integer, Integer> group = new GroupCommit<>(g -> {
            g.forEach(n -> done.merge(n, 1, Integer::sum));
            held.hold(g);
            return g.contains(0) ? g : g.subList(1, g.size()); // 1 and 2, the second group: committed, one answer short
        }, 64);
        Map<Integer, Object> outcomes = new ConcurrentHashMap<>();
        held.run(group, 2, request -> {
            try {
                outcomes.put(request, group.submit(request));
            } catch (IllegalStateException e) {
                outcomes.put(request, e.getMessage());
            }
        });
        assertThat(done).as("requests done, each once").isEqualTo(Map.of(0, 1, 1, 1, 2, 1));
        assertThat(outcomes).isEqualTo(Map.of(0, 0, 1, "1 answers to a group of 2", 2, "1 answers to a group of 2"));
    }

    @Test
    void aLoneRequestCommitsAtOnceAndItsFailureIsThrownToItsThread() {
        Ledger ledger = new Ledger(java.util.Set.of(3));
        GroupCommit<Integer, Integer> group = new GroupCommit<>(ledger::run, 8);
        assertThat(group.submit(1)).isEqualTo(10);
        assertThatThrownBy(() -> group.submit(3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("3");
        assertThat(ledger.transactions).hasValue(2);
    }
}
