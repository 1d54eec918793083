package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import java.io.IOException;
import java.io.Writer;

/**
 * The last guard before standard output and error: whatever a command prints, no character reaches
 * the terminal that it would act on (see {@link TerminalText}). Newlines and CR-LF line ends pass,
 * since they are the structure of the output; JSON passes unchanged in meaning, because Jackson
 * already escapes C0 controls and the escapes written here for the rest are valid inside JSON strings.
 * Commands still escape each value themselves ({@link TerminalText#escape}) so that a newline inside
 * a value cannot forge a line; this guard catches what a command forgot.
 */
final class TerminalWriter extends Writer {
    private final Writer out;
    private boolean carriageReturn;

    TerminalWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        synchronized (lock) {
            if (!carriageReturn && plain(text, offset, length)) {
                out.write(text, offset, length); // most output (a status of 2,000 shots): nothing to look at twice
                return;
            }
            StringBuilder safe = new StringBuilder(length + 8);
            for (int i = offset; i < offset + length; i++) {
                char c = text[i];
                if (carriageReturn) {
                    carriageReturn = false;
                    if (c == '\n') {
                        safe.append("\r\n");
                        continue;
                    }
                    TerminalText.appendEscape(safe, '\r');
                }
                if (c == '\r') {
                    carriageReturn = true; // a line end if LF follows, an escape otherwise
                } else if (c == '\n' || !TerminalText.isUnsafe(c)) {
                    safe.append(c);
                } else {
                    TerminalText.appendEscape(safe, c);
                }
            }
            out.write(safe.toString());
        }
    }

    /** Whether every character is printable ASCII or a line feed: nothing a terminal acts on. */
    private static boolean plain(char[] text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            if (c < 0x20 && c != '\n' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (carriageReturn) {
                carriageReturn = false;
                out.write("\\r");
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
