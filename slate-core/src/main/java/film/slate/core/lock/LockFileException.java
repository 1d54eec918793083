package film.slate.core.lock;

import film.slate.core.diagnostic.Diagnostic;

/** lock.yaml cannot be read as a lock (damaged by hand, unreadable): its first finding, with file and line. */
public final class LockFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic finding;

    public LockFileException(Diagnostic finding) {
        super(finding.position() + ": " + finding.message());
        this.finding = finding;
    }

    public Diagnostic finding() {
        return finding;
    }
}
