package film.slate.core.finaldraft;

import java.util.ArrayList;
import java.util.List;

/**
 * Fountain emphasis markers and Final Draft styled runs, each the inverse of the other: a span
 * {@code *x*}, {@code **x**}, {@code ***x***}, {@code _x_} (or an underlined bold/italic span) whose
 * inside has no marker, backslash or line break becomes a styled run; everything else is plain
 * text, so writing and reading back keeps the text as written.
 */
final class Emphasis {
    private static final String[] STARS = {"***", "**", "*"};

    /** A run of text and its Final Draft style ({@code Bold+Italic}, or empty). */
    record Run(String text, String style) {
    }

    private Emphasis() {
    }

    /** The runs of a Fountain text. */
    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Run styled = c == '*' || c == '_' ? span(text, i) : null;
            if (styled != null) {
                flush(plain, runs);
                runs.add(styled);
                i += length(styled);
            } else if (c == '\\' && i + 1 < text.length()) {
                plain.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                plain.append(c);
                i++;
            }
        }
        flush(plain, runs);
        return runs;
    }

    /** The Fountain text of a styled run; white space at its ends stays outside the markers. */
    static String markers(String text, String style) {
        boolean bold = style.contains("Bold");
        boolean italic = style.contains("Italic");
        boolean underline = style.contains("Underline");
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end || !(bold || italic || underline)) {
            return text;
        }
        String stars = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
        String u = underline ? "_" : "";
        return text.substring(0, start) + u + stars + text.substring(start, end) + stars + u + text.substring(end);
    }

    private static Run span(String text, int at) {
        boolean underline = text.charAt(at) == '_';
        int from = underline ? at + 1 : at;
        for (String stars : STARS) {
            Run r = inner(text, at, from, underline ? stars : stars, underline);
            if (r != null) {
                return r;
            }
        }
        return underline ? inner(text, at, from, "", true) : null;
    }

    private static Run inner(String text, int at, int from, String stars, boolean underline) {
        if (!text.startsWith(stars, from)) {
            return null;
        }
        int start = from + stars.length();
        int end = start;
        while (end < text.length() && "*_\\\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String close = stars + (underline ? "_" : "");
        if (end == start || !text.startsWith(close, end) || Character.isWhitespace(text.charAt(start))
                || Character.isWhitespace(text.charAt(end - 1)) || close.isEmpty()) {
            return null;
        }
        String style = switch (stars) {
            case "***" -> "Bold+Italic";
            case "**" -> "Bold";
            case "*" -> "Italic";
            default -> "";
        };
        if (underline) {
            style = style.isEmpty() ? "Underline" : style + "+Underline";
        }
        return new Run(text.substring(start, end), style);
    }

    /** How many characters of Fountain a styled run took. */
    private static int length(Run r) {
        return markers(r.text(), r.style()).length();
    }

    private static void flush(StringBuilder plain, List<Run> runs) {
        if (plain.length() > 0) {
            runs.add(new Run(plain.toString(), ""));
            plain.setLength(0);
        }
    }
}
