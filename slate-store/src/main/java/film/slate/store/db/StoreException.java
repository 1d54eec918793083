package film.slate.store.db;

import java.sql.SQLException;

/** The database failed (disk full, locked for longer than the busy timeout, corrupt file). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
