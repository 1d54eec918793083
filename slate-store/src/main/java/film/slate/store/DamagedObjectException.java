package film.slate.store;

import java.io.IOException;

/** A stored object is absent or its bytes do not match its name: one sentence that says what to run. */
public final class DamagedObjectException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String hash;

    public DamagedObjectException(String hash, String what) {
        super("the stored object " + hash.substring(0, 12) + " " + what + "; run 'slate verify --repair' to mark the takes"
                + " that use it missing, then 'slate build' to render them again");
        this.hash = hash;
    }

    /** The object's name. */
    public String hash() {
        return hash;
    }
}
