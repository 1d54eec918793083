package film.slate.engine.remote;

import java.io.IOException;

/**
 * A request whose fate is unknown or that never reached the server: refused, reset, timed out,
 * stalled. {@link #ambiguous()} says whether the server may have acted on it (the request was sent).
 */
public final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean ambiguous;

    public Unreachable(String message, boolean ambiguous, Throwable cause) {
        super(message, cause);
        this.ambiguous = ambiguous;
    }

    public boolean ambiguous() {
        return ambiguous;
    }
}
