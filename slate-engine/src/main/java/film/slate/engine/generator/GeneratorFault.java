package film.slate.engine.generator;

/**
 * A render that failed. {@link #isTransient()} faults (a busy server, a dropped connection, a
 * timeout) are retried with backoff; permanent ones (a bad workflow, a refused prompt) are reported
 * once and the take is marked failed.
 */
public final class GeneratorFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean transientFault;

    private GeneratorFault(String message, boolean transientFault, Throwable cause) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public static GeneratorFault transientFault(String message, Throwable cause) {
        return new GeneratorFault(message, true, cause);
    }

    public static GeneratorFault permanent(String message, Throwable cause) {
        return new GeneratorFault(message, false, cause);
    }

    public boolean isTransient() {
        return transientFault;
    }
}
