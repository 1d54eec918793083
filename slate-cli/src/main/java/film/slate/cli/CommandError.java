package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;

/**
 * A user-facing failure of a command: one sentence that says what is wrong and how to fix it, and
 * the exit code ({@link ExitCode}) it ends the process with.
 */
final class CommandError extends Exception {
    private final int exitCode;

    CommandError(int exitCode, String message) {
        // Escaped here, once: the message carries file names, values and server replies to the terminal.
        super(TerminalText.escape(message), null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
