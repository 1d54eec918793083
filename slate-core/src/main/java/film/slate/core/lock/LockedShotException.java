package film.slate.core.lock;

/** A command was asked to change a locked shot; the message is one sentence that says how to proceed. */
public final class LockedShotException extends Exception {
    private static final long serialVersionUID = 1L;

    public LockedShotException(String message) {
        super(message);
    }
}
