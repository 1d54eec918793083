package film.slate.core.diagnostic;

/**
 * Text from outside (YAML values, the screenplay, server replies, a program's stderr) made safe to
 * print for a person: every character a terminal acts on instead of showing it (C0 and C1 controls,
 * DEL, bidirectional overrides, line and paragraph separators) is shown as an escape ({@code \e},
 * {@code \r}, {@code \u0007}), so a value can neither clear the screen, retitle the window, hide
 * text by reordering it, nor forge a line of output. Backslashes stay as they are: paths keep them.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} on one line: controls escaped, newlines too. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** {@code text} with controls escaped but its newlines kept, for output of several lines. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /** Whether a terminal may act on {@code c} rather than show it. */
    public static boolean isUnsafe(int c) {
        return Character.getType(c) == Character.CONTROL || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
    }

    /** Appends the escape of the unsafe character {@code c}. */
    public static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case 0x1B -> out.append("\\e");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && (!isUnsafe(text.charAt(i)) || keepLines && text.charAt(i) == '\n')) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case: nothing to escape, no copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepLines && c == '\n')) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
