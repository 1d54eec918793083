package film.slate.core.breakdown;

import java.util.Locale;

/** Whether a name appears in a text as a whole word, in any case, a plural {@code s} allowed. */
final class Mentions {
    private Mentions() {
    }

    /** {@code upperText} must be upper case already; {@code name} may use underscores for spaces. */
    static boolean names(String upperText, String name) {
        String needle = name.replace('_', ' ').strip().toUpperCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int at = upperText.indexOf(needle, from);
            if (at < 0) {
                return false;
            }
            int end = at + needle.length();
            if (end < upperText.length() && upperText.charAt(end) == 'S' && !isWord(upperText, end + 1)) {
                end++;
            }
            if (!isWord(upperText, at - 1) && !isWord(upperText, end)) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isWord(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }
}
