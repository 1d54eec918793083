package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A worker's job slots: an ending render wakes the loop only once as many slots are free as the loop waits
 * for (once a wait), never while it waits for nothing, and never loses the wake-up the loop needs.
 */
class JobSlotsTest {
    /** Bounds a wait that only a lost wake-up would leave hanging. */
    static final Duration HANG = Duration.ofMinutes(1);

    static List<Long> seeds() {
        return new Random(13).longs(Long.getLong("slate.jobslots.trials", 8)).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anEndingRenderWakesTheLoopOnlyWhenTheSlotsItWaitsForAreFree(long seed) {
        Random random = new Random(seed);
        int jobs = 1 + random.nextInt(256);
        JobSlots slots = new JobSlots(jobs);
        slots.taken(jobs);
        int want = 1 + random.nextInt(jobs);
        slots.arm(want);
        int woken = 0;
        for (int ended = 1; ended <= jobs; ended++) {
            boolean woke = slots.ended();
            assertThat(woke).as("render %d of %d ending, the loop waiting for %d free", ended, jobs, want)
                    .isEqualTo(ended == want);
            woken += woke ? 1 : 0;
        }
        assertThat(woken).isEqualTo(1);
        assertThat(slots.free()).isEqualTo(jobs);
    }

    @Test
    void aLoopWaitingForNothingIsNeverWokenByAnEndingRender() {
        JobSlots slots = new JobSlots(4);
        slots.taken(4);
        slots.arm(JobSlots.NONE);
        for (int i = 0; i < 4; i++) {
            assertThat(slots.ended()).isFalse();
        }
        // A wait armed for two slots while four are free (the loop, about to see them, does not wait): a render that
        // ends meanwhile still wakes it, a spare wake-up; the check is the free count, not whether they just came free.
        slots.arm(2);
        slots.taken(1);
        assertThat(slots.ended()).isTrue();
    }

    /**
     * The loop waits (with no time limit that could end it) for a seeded number of free slots while job threads
     * end their renders in a seeded order: the wait ends, with at least that many free, every time.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theLoopIsNeverLeftWaitingForSlotsThatCameFree(long seed) {
        // a lost wake-up would leave the wait to its day-long limit: fail then instead of hanging (no speed check)
        assertTimeoutPreemptively(HANG, () -> loopIsNeverLeftWaiting(seed));
    }

    private static void loopIsNeverLeftWaiting(long seed) throws Exception {
        Random random = new Random(seed);
        int jobs = 2 + random.nextInt(64);
        JobSlots slots = new JobSlots(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(1 + random.nextInt(8));
        try {
            for (int round = 0; round < 20; round++) {
                slots.taken(slots.free());
                int want = 1 + random.nextInt(jobs);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> enders = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    enders.add(pool.submit(() -> {
                        go.await();
                        slots.ended();
                        return null;
                    }));
                }
                go.countDown();
                int free = slots.await(want, TimeUnit.DAYS.toNanos(1), () -> false);
                assertThat(free).as("round %d, waiting for %d of %d", round, want, jobs).isGreaterThanOrEqualTo(want);
                for (Future<?> f : enders) {
                    f.get();
                }
                assertThat(slots.free()).isEqualTo(jobs);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLoopsOwnConditionEndsItsWaitWhenItIsWoken() throws Exception {
        JobSlots slots = new JobSlots(2);
        slots.taken(2);
        boolean[] stopping = {false};
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waited = loop.submit(() -> slots.await(JobSlots.NONE, TimeUnit.DAYS.toNanos(1), () -> {
                synchronized (stopping) {
                    return stopping[0];
                }
            }));
            synchronized (stopping) {
                stopping[0] = true;
            }
            slots.wakeLoop(); // before the wait began, none is needed: the wait reads its condition first
            assertThat(waited.get(HANG.toMinutes(), TimeUnit.MINUTES)).isZero(); // a hang guard, not a speed check
        } finally {
            loop.shutdownNow();
        }
    }
}
