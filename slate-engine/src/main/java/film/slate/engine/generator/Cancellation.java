package film.slate.engine.generator;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running render to stop (a timeout, a user's Ctrl-C). A generator polls
 * {@link #isCancelled()} between frames or polls of a server and then throws
 * {@link GeneratorFault}; a blocking generator may also be interrupted.
 */
public final class Cancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();

    public void cancel(String why) {
        reason.compareAndSet(null, why);
    }

    public boolean isCancelled() {
        return reason.get() != null;
    }

    public String reason() {
        return reason.get();
    }

    /** Throws a transient fault when cancelled: the convenient check inside a render loop. */
    public void check() throws GeneratorFault {
        if (isCancelled()) {
            throw GeneratorFault.transientFault("cancelled: " + reason.get(), null);
        }
    }
}
