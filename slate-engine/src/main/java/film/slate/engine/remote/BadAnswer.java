package film.slate.engine.remote;

import java.io.IOException;

/** A server answered, but not as the protocol says: a 5xx, an unexpected status, a body that is not the JSON expected. */
public final class BadAnswer extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BadAnswer(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, 0 when the status was fine and the body was not. */
    public int status() {
        return status;
    }
}
