package film.slate.deliver.c2pa;

/**
 * Signing cannot go on: a key or certificate is missing, unreadable or unfit. One sentence, which
 * never quotes a key; {@link #part} says which setting it is about.
 */
public final class SigningException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which half of the studio's signing a fault lies in. */
    public enum Part {
        /** The certificate chain (its file, the signer certificate's profile or validity). */
        CERTIFICATES,
        /** The private key (the environment variable that holds it). */
        KEY
    }

    private final Part part;

    public SigningException(String message) {
        this(Part.CERTIFICATES, message);
    }

    public SigningException(Part part, String message) {
        super(message);
        this.part = part;
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
        this.part = Part.CERTIFICATES;
    }

    public Part part() {
        return part;
    }
}
