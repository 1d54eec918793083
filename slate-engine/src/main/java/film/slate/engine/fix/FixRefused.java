package film.slate.engine.fix;

/** A fix that cannot be made, as one sentence, and the exit code it means (2 bad order, 1 backend failed, 4 I/O). */
public final class FixRefused extends Exception {
    private static final long serialVersionUID = 1L;

    /** The order cannot run: bad input, a missing take. */
    public static final int CANNOT_RUN = 2;
    /** The backend failed to render the region. */
    public static final int FAILED = 1;
    /** A file or the store cannot be read or written. */
    public static final int IO = 4;

    private final int exitCode;

    public FixRefused(int exitCode, String sentence) {
        super(sentence, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
