package film.slate.store;

import java.io.IOException;

/**
 * One file system's durability barrier shared by the threads of a process (group commit for
 * {@code syncfs}): a thread that wrote files takes a {@link #ticket} once its writes are done, and
 * {@link #cover} returns once a sync that STARTED after that ticket has ended well. A sync already
 * running when a thread arrives may have begun before its writes, so that thread waits for the
 * next one; every thread that arrives meanwhile shares that next one. Syncs never overlap.
 *
 * <p>Why a ticket is enough. Tickets and syncs are ordered by one counter, {@code phase}, read and
 * moved under this object's lock: a sync's start moves it to an odd value and its end to the next
 * even one. A ticket is the phase read after the writes returned. A sync that started at phase
 * {@code s > t} moved the counter after the ticket was read (the lock orders the two), and called
 * {@code syncfs(2)} after that: so it was called after the writes had returned, and syncfs makes
 * everything written before it is called durable. A sync started at {@code s <= t} proves nothing
 * about those writes, however recently it ended.
 *
 * <p>Why a failure poisons every earlier ticket. Linux reports a write-back error to each open file
 * once: the sync that sees it consumes it, and the next sync on the same descriptor succeeds though
 * the pages it concerned are lost. Those pages may be of any write that returned before the failed
 * sync ended and was not yet durable, so every ticket read before that end and not yet covered by a
 * sync that ended well fails from then on (its writer writes again, under a new ticket); tickets
 * already covered stay good (their bytes were on disk before), and tickets read after it are judged
 * by the syncs that follow. (A write whose
 * write-back failed, and whose failure a sync consumed between the write's return and its ticket,
 * is not caught: the store reads its tickets right after its writes, and before this barrier every
 * later sync hid such a loss.)
 */
final class SyncBarrier {
    /** The sync that the barrier shares: {@code syncfs(2)}, or a stand-in in tests. */
    @FunctionalInterface
    interface Sync {
        void sync() throws IOException;
    }

    private final Sync sync;
    /** Odd while a sync runs: its start moved it there; its end moves it on to the next even value. */
    private long phase;
    /** The start phase of the last sync that ended well (0: none yet). */
    private long coveredBefore;
    /** Per failed sync, by the first ticket it poisons: the end of the range (tickets read before it ended, not covered then). */
    private final java.util.TreeMap<Long, Long> poisoned = new java.util.TreeMap<>();
    private IOException failure;

    SyncBarrier(Sync sync) {
        this.sync = sync;
    }

    /** The ticket of writes that have returned: read after them, handed to {@link #cover}. */
    synchronized long ticket() {
        return phase;
    }

    /**
     * Returns once a sync that started after {@code ticket} was read has ended well: running one
     * when none has, or sharing the one that another thread runs. Throws when the sync that was to
     * cover it failed, or any sync failed that ended after the ticket was read.
     */
    void cover(long ticket) throws IOException {
        long start;
        synchronized (this) {
            boolean interrupted = false;
            try {
                while (true) {
                    java.util.Map.Entry<Long, Long> lost = poisoned.floorEntry(ticket);
                    if (lost != null && ticket < lost.getValue()) {
                        throw new IOException(failure.getMessage(), failure);
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
                    // every ticket read before this end and not covered yet; ranges of failures with no good sync between merge
                    Long from = poisoned.isEmpty() || poisoned.lastEntry().getValue() < coveredBefore ? coveredBefore
                            : poisoned.lastKey();
                    poisoned.put(from, phase);
                    failure = failed != null ? failed : new IOException("the sync of the objects' file system failed");
                }
                notifyAll();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
