package film.slate.engine.build;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A farm worker's job slots as its loop sees them: how many renders run, and the loop's waits for free
 * slots. An ending job wakes the loop only once as many slots are free as the loop waits for, and
 * takes no lock otherwise: the renders a group commit answers end together, and each used to take
 * the loop's lock and wake it, to find too few slots free (a wake-up of the loop's and a switch a take).
 */
final class JobSlots {
    /** Waits for no number of free slots: only the time, or the loop's own condition, ends the wait. */
    static final int NONE = Integer.MAX_VALUE;

    private final int jobs;
    private final AtomicInteger running = new AtomicInteger();
    /** The free slots the waiting loop wants (NONE: not waiting for slots); armed under {@code wake}'s lock. */
    private volatile int wakeAt = NONE;
    private final Object wake = new Object();

    JobSlots(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be positive");
        }
        this.jobs = jobs;
    }

    int free() {
        return jobs - running.get();
    }

    /** {@code n} renders were handed to job threads. */
    void taken(int n) {
        running.addAndGet(n);
    }

    /** A render ended: its slot is free. Wakes the loop if it now has the slots it waits for; answers whether it did. */
    boolean ended() {
        int free = jobs - running.decrementAndGet();
        // The loop arms wakeAt, then reads running; this thread writes running, then reads wakeAt: one of the two
        // sees the other's write, so the loop either finds the slots free or is woken.
        if (free < wakeAt) {
            return false;
        }
        synchronized (wake) {
            if (free < wakeAt) {
                return false; // the wait ended meanwhile
            }
            wakeAt = NONE;
            wake.notifyAll();
            return true;
        }
    }

    /**
     * Waits until {@code want} slots are free ({@link #NONE}: for no number), {@code done} holds, or
     * {@code nanos} have passed; answers the free slots.
     */
    int await(int want, long nanos, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        synchronized (wake) {
            try {
                for (long left; ; ) {
                    wakeAt = want; // again each time: a wake-up for an earlier wait disarmed it
                    if (done.getAsBoolean() || free() >= want || (left = until - System.nanoTime()) <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                }
            } finally {
                wakeAt = NONE;
            }
        }
        return free();
    }

    /** Wakes the loop whatever it waits for (the worker stops: its condition changed). */
    void wakeLoop() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** For tests: the loop's wait as an ending render sees it, armed for {@code want} free slots without waiting. */
    void arm(int want) {
        synchronized (wake) {
            wakeAt = want;
        }
    }
}
