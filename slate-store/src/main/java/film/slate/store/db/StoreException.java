package film.slate.store.db;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database failed (disk full, locked for longer than the busy timeout, damaged file). When the
 * fault is a known kind, {@link #sentence()} says it for a person (see {@code StoreFault}).
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sentence;

    public StoreException(SQLException cause) {
        this(cause, Optional.empty());
    }

    public StoreException(SQLException cause, Optional<String> sentence) {
        super(sentence.orElse(cause.getMessage()), cause);
        this.sentence = sentence.orElse(null);
    }

    /** A fault the store found in what it read ({@link DamagedRecipeException}), not one the database reported. */
    protected StoreException(String sentence) {
        super(sentence);
        this.sentence = sentence;
    }

    /** The fault in one sentence for a person, when it is a known kind (full disk, damaged database). */
    public Optional<String> sentence() {
        return Optional.ofNullable(sentence);
    }
}
