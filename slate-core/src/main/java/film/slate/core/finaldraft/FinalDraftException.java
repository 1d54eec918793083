package film.slate.core.finaldraft;

import film.slate.core.diagnostic.SourcePosition;

/**
 * A Final Draft file that cannot be read: {@link #position()} says where the XML broke, the
 * message what is wrong and how to fix it, in one sentence.
 */
public final class FinalDraftException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;

    FinalDraftException(SourcePosition position, String message) {
        super(message);
        this.position = position;
    }

    /** Where the file stops being readable. */
    public SourcePosition position() {
        return position;
    }

    /** {@code file:line:column: message}: the sentence a command prints. */
    public String sentence() {
        return position + ": " + getMessage();
    }
}
