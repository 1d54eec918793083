package film.slate.store;

import java.io.IOException;

/**
 * One file system's durability barrier shared by the threads of a process (group commit for
 * {@code syncfs}): a thread that writes files takes a {@link #ticket} before it starts and another
 * once its writes are done, and {@link #cover} returns once a sync that STARTED after the second
 * has ended well. A sync already running when a thread arrives may have begun before its writes,
 * so that thread waits for the next one; every thread that arrives meanwhile shares that next one.
 * Syncs never overlap.
 *
 * <p>Why a ticket is enough. Tickets and syncs are ordered by one counter, {@code phase}, read and
 * moved under this object's lock: a sync's start moves it to an odd value and its end to the next
 * even one. A sync that started at phase {@code s > t} moved the counter after the ticket {@code t}
 * was read (the lock orders the two), and called {@code syncfs(2)} after that: so it was called
 * after the writes had returned, and syncfs makes everything written before it is called durable.
 * A sync started at {@code s <= t} proves nothing about those writes, however recently it ended.
 *
 * <p>Why a failure poisons. Linux reports a write-back error to each open file once: the sync that
 * sees it consumes it, and the next sync on the same descriptor succeeds though the pages it
 * concerned are lost. Those pages may be of any write made before the failed sync ended and not yet
 * durable: so writes whose first ticket ({@code since}, read before they began) was read before a
 * failed sync ended fail from then on (their writer writes again, under new tickets), unless a sync
 * that started after their last ticket had ended well before that failure (they were on disk
 * before it). The first ticket is what closes the gap between a write and its ticket: a failure
 * that ends while a render still writes, or before its ticket is read, is seen.
 */
final class SyncBarrier {
    /** The sync that the barrier shares: {@code syncfs(2)}, or a stand-in in tests. */
    @FunctionalInterface
    interface Sync {
        void sync() throws IOException;
    }

    /** A sync that failed: the phase at its end, what had been covered when it failed, and what it said. */
    private record Failure(long coveredBefore, long end, IOException cause) {
        /** Whether writes begun after {@code since} and done by {@code ticket} may be lost to it. */
        boolean poisons(long since, long ticket) {
            return end > since && coveredBefore <= ticket;
        }
    }

    private final Sync sync;
    /** Odd while a sync runs: its start moved it there; its end moves it on to the next even value. */
    private long phase;
    /** The start phase of the last sync that ended well (0: none yet). */
    private long coveredBefore;
    /**
     * The failed syncs, oldest first, each with its own error; a failure that repeats the one before (the same
     * error, no good sync between) widens it instead of adding one, so a store whose syncs keep failing
     * holds one entry, not one a sync.
     */
    private final java.util.List<Failure> failures = new java.util.ArrayList<>();

    SyncBarrier(Sync sync) {
        this.sync = sync;
    }

    /** For tests: the failures kept. */
    synchronized int failuresKept() {
        return failures.size();
    }

    /** The phase now: read before writes begin ({@code since}) and once they have returned (the ticket), handed to {@link #cover}. */
    synchronized long ticket() {
        return phase;
    }

    /** {@link #cover(long, long)} of writes that had all returned when {@code ticket} was read, and began after it was. */
    void cover(long ticket) throws IOException {
        cover(ticket, ticket);
    }

    /**
     * Returns once a sync that started after {@code ticket} was read has ended well: running one
     * when none has, or sharing the one that another thread runs; at once when one already has.
     * Throws, with that sync's own error, when a sync failed that ended after {@code since} was read,
     * unless a sync that started after {@code ticket} had ended well before it began (covered
     * writes stay good); so also when the sync that was to cover them failed.
     */
    void cover(long since, long ticket) throws IOException {
        long start;
        synchronized (this) {
            boolean interrupted = false;
            try {
                while (true) {
                    for (Failure f : failures) {
                        if (f.poisons(since, ticket)) {
                            throw new IOException(f.cause().getMessage(), f.cause());
                        }
                    }
                    if (coveredBefore > ticket) {
                        return;
                    }
                    if ((phase & 1) == 0) {
                        break; // none running: this thread runs the next one, for all who wait
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // a sync is short and its result is owed to the caller: wait on
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            start = ++phase;
        }
        boolean ended = false;
        IOException failed = null;
        try {
            sync.sync();
            ended = true;
        } catch (IOException e) {
            failed = e;
        } finally {
            synchronized (this) {
                phase++;
                if (ended) {
                    coveredBefore = start;
                } else {
                    failed(new Failure(coveredBefore, phase,
                            failed != null ? failed : new IOException("the sync of the objects' file system failed")));
                }
                notifyAll();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Keeps {@code f}. When the one before has the same covered mark (no good sync between) and says the same,
     * {@code f} poisons all it does and more (it ended later): the one before is widened to {@code f}'s end instead.
     */
    private void failed(Failure f) {
        Failure last = failures.isEmpty() ? null : failures.get(failures.size() - 1);
        if (last != null && last.coveredBefore() == f.coveredBefore()
                && java.util.Objects.equals(last.cause().getMessage(), f.cause().getMessage())) {
            failures.set(failures.size() - 1, new Failure(last.coveredBefore(), f.end(), last.cause()));
        } else {
            failures.add(f);
        }
    }
}
