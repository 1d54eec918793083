package film.slate.engine.build;

/** A build that cannot start: an unknown backend, no generator for its type, a bad selector. One sentence. */
public final class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message, null, false, false);
    }
}
