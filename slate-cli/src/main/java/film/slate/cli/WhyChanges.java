package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeChanges;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code slate why} prints for a stale take: only what changed. Lists of subjects, cast,
 * blocking and events are matched by who they are ({@link RecipeChanges#matched}), so one added
 * character is one entry, and a long text (the prompt, a description) shows only the words that
 * changed, with a few words around them.
 */
final class WhyChanges {
    /** Texts longer than this are cut down to their changed words. */
    static final int LONG = 80;
    private static final int CONTEXT = 3;

    private WhyChanges() {
    }

    static void print(PrintWriter out, Recipe before, Recipe now) {
        for (RecipeChanges.Change c : RecipeChanges.matched(before, now)) {
            String[] shown = excerpt(c.before(), c.after());
            out.println("  " + TerminalText.escape(c.path()));
            out.println("    was: " + TerminalText.escape(shown[0]));
            out.println("    now: " + TerminalText.escape(shown[1]));
        }
    }

    /** The two values as shown: two long texts cut to the words between their common start and end. */
    static String[] excerpt(Optional<String> before, Optional<String> after) {
        String was = before.orElse("(absent)");
        String now = after.orElse("(absent)");
        if (!(text(was) && text(now)) || was.length() <= LONG && now.length() <= LONG) {
            return new String[] {was, now};
        }
        String[] a = was.substring(1, was.length() - 1).split(" ", -1);
        String[] b = now.substring(1, now.length() - 1).split(" ", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int end = 0;
        while (end < a.length - start && end < b.length - start && a[a.length - 1 - end].equals(b[b.length - 1 - end])) {
            end++;
        }
        int from = Math.max(0, start - CONTEXT);
        int tail = Math.max(0, end - CONTEXT);
        return new String[] {cut(a, from, a.length - tail), cut(b, from, b.length - tail)};
    }

    private static boolean text(String json) {
        return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"");
    }

    private static String cut(String[] words, int from, int to) {
        return "\"" + (from > 0 ? "…" : "") + String.join(" ", Arrays.copyOfRange(words, from, to))
                + (to < words.length ? "…" : "") + "\"";
    }
}
