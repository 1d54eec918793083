package film.slate.store;

import java.io.IOException;

/** The store belongs to another production (a {@code .slate} shared through a link): refused, nothing touched. */
public final class ForeignStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public ForeignStoreException(String message) {
        super(message);
    }
}
