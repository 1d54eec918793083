package film.slate.media.footage;

/** Footage that cannot be read: the message names the file and what is wrong with it. */
public final class FootageException extends Exception {
    private static final long serialVersionUID = 1L;

    public FootageException(String message) {
        super(message);
    }
}
