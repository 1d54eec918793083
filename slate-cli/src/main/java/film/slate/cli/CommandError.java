package film.slate.cli;

/**
 * A user-facing failure of a command: one sentence that says what is wrong and how to fix it, and
 * the exit code ({@link ExitCode}) it ends the process with.
 */
final class CommandError extends Exception {
    private final int exitCode;

    CommandError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
