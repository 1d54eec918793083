package film.slate.deliver;

/** A delivery that cannot be made: one sentence for the user and what kind of failure it is. */
public final class DeliveryException extends Exception {
    /** Why; the command line maps each kind to its exit code. */
    public enum Kind {
        /** Bad request: nothing approved, an output folder in the way, a selector that matches nothing. */
        CANNOT_RUN,
        /** The production may not be delivered as it stands (rights). */
        BLOCKED,
        /** A stored object is missing or damaged, or a file cannot be written. */
        IO
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
