package film.slate.core.read;

/** The folder cannot be read as a production at all (missing, or no slate.yaml): nothing to check. */
public final class NotAProductionException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotAProductionException(String message) {
        super(message);
    }
}
