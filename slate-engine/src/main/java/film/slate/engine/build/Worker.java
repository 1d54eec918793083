package film.slate.engine.build;

import film.slate.store.Actor;

/** This process's name in the job queue and the event log: {@code user@host:pid} (see {@link Actor}). */
final class Worker {
    private Worker() {
    }

    static String name() {
        return Actor.current();
    }
}
