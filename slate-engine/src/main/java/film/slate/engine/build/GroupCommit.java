package film.slate.engine.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit: the job threads of a process hand in their requests (claims, finished takes, recipe reads) and
 * one of them, the leader, writes all those waiting in one transaction while the others wait for
 * its commit. No thread of its own and no timer: a group forms from whatever arrived while the
 * previous transaction was committing, so one job alone commits at once and many jobs share a
 * commit. When a group's transaction fails, each request is tried alone, so one bad request never
 * fails the others; its own failure is thrown in the thread that handed it in.
 *
 * @param <Q> a request
 * @param <A> its answer
 */
final class GroupCommit<Q, A> {
    private final Function<List<Q>, List<A>> transaction;
    private final int most;
    private final ArrayDeque<Slot<Q, A>> waiting = new ArrayDeque<>();
    private boolean leading;

    /** {@code transaction} does a group in one transaction and answers each request, in order; at most {@code most} a group. */
    GroupCommit(Function<List<Q>, List<A>> transaction, int most) {
        this.transaction = transaction;
        this.most = most;
    }

    private static final class Slot<Q, A> {
        final Q request;
        boolean done;
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
        boolean leader = false;
        synchronized (this) {
            waiting.add(mine);
            while (!mine.done && leading) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the commit is under way and short: wait for it, then say so
                }
            }
            if (!mine.done) {
                leading = true;
                leader = true;
            }
        }
        if (leader) {
            lead(mine);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.answer;
    }

    /** Commits groups until {@code mine} is done, then lets the next waiting thread lead. */
    private void lead(Slot<Q, A> mine) {
        // The leader writes for the others too: an interrupt meant for it alone (its render stopped)
        // must not break their transaction; it is set again when the leader is done.
        boolean interrupted = Thread.interrupted();
        try {
            while (!mine.done) {
                List<Slot<Q, A>> group = new ArrayList<>();
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
        } finally {
            synchronized (this) {
                leading = false;
                notifyAll();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void commit(List<Slot<Q, A>> group) {
        try {
            answer(group, transaction.apply(group.stream().map(s -> s.request).toList()));
        } catch (RuntimeException | Error e) {
            if (group.size() == 1 || unreachable(e)) {
                group.forEach(s -> fail(s, e)); // the database is away: every request hears so now
                return;
            }
            for (Slot<Q, A> s : group) {
                try {
                    answer(List.of(s), transaction.apply(List.of(s.request)));
                } catch (RuntimeException | Error alone) {
                    fail(s, alone);
                }
            }
        }
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

    private void answer(List<Slot<Q, A>> group, List<A> answers) {
        synchronized (this) {
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer = answers.get(i);
                group.get(i).done = true;
            }
            notifyAll();
        }
    }

    private void fail(Slot<Q, A> slot, Throwable e) {
        synchronized (this) {
            slot.failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            slot.done = true;
            notifyAll();
        }
    }
}
