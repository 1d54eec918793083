package film.slate.store;

import java.io.UncheckedIOException;

/**
 * The disk filled up during a build: it stopped, and its message is the one sentence to show
 * (nothing was lost; free space and run again). Commands exit 4 with it.
 */
public final class DiskFullException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(String sentence, Throwable cause) {
        super(sentence, cause instanceof java.io.IOException io ? io : new java.io.IOException(cause));
    }
}
