package film.slate.deliver.c2pa;

/** Signing cannot go on: a key or certificate is missing, unreadable or unfit. One sentence. */
public final class SigningException extends Exception {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
