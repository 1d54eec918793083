package film.slate.engine.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit: the job threads of a process hand in their requests (claims, finished takes, recipe reads) and
 * one of them, the leader, writes all those waiting in one transaction while the others wait for
 * its commit. No thread of its own and no timer: a group forms from whatever arrived while the
 * previous transaction was committing, so one job alone commits at once and many jobs share a
 * commit. When a group's transaction fails, each request is tried alone, so one bad request never
 * fails the others; its own failure is thrown in the thread that handed it in.
 * A commit wakes only the threads it answered, and a leader that is done hands the lead to one
 * waiting thread, the one that has waited longest (with a monitor's notifyAll every waiting thread woke
 * at every commit, twice, to find mostly that its request was not done yet: a core's switches a take).
 *
 * @param <Q> a request
 * @param <A> its answer
 */
final class GroupCommit<Q, A> {
    private final Function<List<Q>, List<A>> transaction;
    private final int most;
    /** Requests not yet taken into a group, oldest first. */
    private final ArrayDeque<Slot<Q, A>> waiting = new ArrayDeque<>();
    private boolean leading;

    /** {@code transaction} does a group in one transaction and answers each request, in order; at most {@code most} a group. */
    GroupCommit(Function<List<Q>, List<A>> transaction, int most) {
        this.transaction = transaction;
        this.most = most;
    }

    private static final class Slot<Q, A> {
        final Q request;
        final Thread thread = Thread.currentThread();
        /** Set when answered (after the answer), or when handed the lead: read by its own thread between parks. */
        volatile boolean done;
        volatile boolean lead;
        A answer;
        RuntimeException failure;

        Slot(Q request) {
            this.request = request;
        }
    }

    /** Does {@code request} in the next group and returns its answer once that group has committed. */
    A submit(Q request) {
        Slot<Q, A> mine = new Slot<>(request);
        boolean interrupted = false;
        synchronized (this) {
            waiting.add(mine);
            if (!leading) {
                leading = true;
                mine.lead = true;
            }
        }
        while (!mine.done && !mine.lead) {
            LockSupport.park(this);
            // the commit is under way and short: wait for it, then say so
            interrupted |= Thread.interrupted();
        }
        if (!mine.done) {
            lead(mine);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) { // written before done was set: done's volatile read makes them seen
            throw mine.failure;
        }
        return mine.answer;
    }

    /** For tests: the requests handed in and not yet taken into a group. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Commits groups until {@code mine} is done, then hands the lead to the thread that has waited longest. */
    private void lead(Slot<Q, A> mine) {
        // The leader writes for the others too: an interrupt meant for it alone (its render stopped)
        // must not break their transaction; it is set again when the leader is done.
        boolean interrupted = Thread.interrupted();
        List<Slot<Q, A>> group = List.of();
        try {
            while (!mine.done) {
                group = new ArrayList<>();
                synchronized (this) {
                    while (group.size() < most && !waiting.isEmpty()) {
                        group.add(waiting.poll());
                    }
                }
                if (group.isEmpty()) {
                    return; // answered by an earlier group
                }
                commit(group);
            }
        } catch (RuntimeException | Error e) {
            group.stream().filter(s -> !s.done).forEach(s -> fail(s, e)); // no request taken is left waiting
            throw e;
        } finally {
            Slot<Q, A> next;
            synchronized (this) {
                next = waiting.peek();
                leading = next != null;
                if (next != null) {
                    next.lead = true;
                }
            }
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void commit(List<Slot<Q, A>> group) {
        List<A> answers;
        try {
            answers = transaction.apply(group.stream().map(s -> s.request).toList());
        } catch (RuntimeException | Error e) {
            if (group.size() == 1 || unreachable(e)) {
                group.forEach(s -> fail(s, e)); // the database is away: every request hears so now
                return;
            }
            for (Slot<Q, A> s : group) {
                List<A> alone;
                try {
                    alone = transaction.apply(List.of(s.request));
                } catch (RuntimeException | Error refused) {
                    fail(s, refused);
                    continue;
                }
                answer(List.of(s), alone);
            }
            return;
        }
        answer(group, answers);
    }

    /** Whether {@code e} says the database could not be reached (then trying each request alone only waits longer). */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLException s
                    && s.getSQLState() != null && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers a committed group; one whose transaction answered a wrong number of requests fails whole, not tried
     * again request by request: its work is committed, and would be done twice.
     */
    private void answer(List<Slot<Q, A>> group, List<A> answers) {
        if (answers.size() != group.size()) {
            IllegalStateException e = new IllegalStateException(answers.size() + " answers to a group of " + group.size());
            group.forEach(s -> fail(s, e));
            return;
        }
        synchronized (this) {
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer = answers.get(i);
                group.get(i).done = true;
            }
        }
        group.forEach(GroupCommit::wake);
    }

    private void fail(Slot<Q, A> slot, Throwable e) {
        synchronized (this) {
            slot.failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            slot.done = true;
        }
        wake(slot);
    }

    /** Wakes the thread of an answered request (not the leader's own: it is awake, and a permit left over would cut its next wait short). */
    private static void wake(Slot<?, ?> slot) {
        if (slot.thread != Thread.currentThread()) {
            LockSupport.unpark(slot.thread);
        }
    }
}
