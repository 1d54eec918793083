package film.slate.core.fountain;

/**
 * Unicode white space, which Java's {@link String#strip()} only partly knows: it keeps the
 * no-break spaces (U+00A0, U+2007, U+202F) that word processors put after a name, so a cue
 * {@code WILL}+U+00A0 would be a second character.
 */
public final class Space {
    private Space() {
    }

    /** True for any Unicode white space or space separator, no-break spaces included. */
    public static boolean is(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** The text without Unicode white space at either end. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && is(s.charAt(start))) {
            start++;
        }
        while (end > start && is(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** The text without Unicode white space at its end. */
    public static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && is(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** True when the text is empty or only Unicode white space. */
    public static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!is(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** How many characters of Unicode white space the text starts with. */
    public static int indent(String s) {
        int k = 0;
        while (k < s.length() && is(s.charAt(k))) {
            k++;
        }
        return k;
    }
}
