package film.slate.cli;

/**
 * The exit codes every {@code slate} command keeps. Scripts branch on them, so they never change
 * meaning: add new ones at the end.
 */
public final class ExitCode {
    /** Done, nothing wrong. */
    public static final int OK = 0;
    /** Done, and it found errors (check: rule errors; build: failed takes). */
    public static final int FINDINGS = 1;
    /** Could not run: bad arguments, no such folder, not a production. */
    public static final int CANNOT_RUN = 2;
    /** The production has errors that this command cannot work around; run {@code slate check}. */
    public static final int INVALID_PRODUCTION = 3;
    /** Reading or writing a file failed (disk full, permission). */
    public static final int IO = 4;
    /** The store is in use by another slate process (a build), so this command would be unsafe now; try again later. */
    public static final int BUSY = 5;
    /** A bug in Slate: reported with a short message; never expected. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
