package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Takes notes {@code [[...]]} and boneyard {@code /* ... *&#47;} out of the text, in one linear
 * pass: whichever opens first wins, so a note inside boneyard is boneyard. What is left keeps, for
 * every character, its offset in the source, so positions survive the removal.
 */
final class Hidden {
    /** Warnings of one kind beyond this count are summed up in one last warning. */
    private static final int MAX_WARNINGS = 20;

    /** One removed note or boneyard, at the source offset of its opening marker. */
    record Removed(ElementType type, String text, int offset) {
    }

    /** One line of what is left: its text and the source offset of each character. */
    record Line(String text, int[] origins, int endOrigin) {
        int origin(int column) {
            return column < origins.length ? origins[column] : endOrigin;
        }
    }

    private final List<Removed> removed = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    private Hidden() {
    }

    List<Removed> removed() {
        return removed;
    }

    /** The lines left, with the lines that held only removed text dropped. */
    List<Line> lines() {
        return lines;
    }

    static Hidden strip(SourceText source, List<Diagnostic> diagnostics) {
        String t = source.text();
        int n = t.length();
        StringBuilder kept = new StringBuilder(n);
        int[] origins = new int[n + 1];
        boolean[] touched = new boolean[n + 1];
        Hidden h = new Hidden();
        if (t.indexOf("/*") < 0 && t.indexOf("[[") < 0) {
            // Nothing to take out (most scripts): every character stays where it was, without the
            // character-by-character pass, which showed in the profile of status after a scene edit.
            Arrays.setAll(origins, i -> i);
            h.split(kept.append(t), origins, touched, n);
            return h;
        }
        Finder boneyardEnd = new Finder(t, "*/");
        Finder noteEnd = new Finder(t, "]]");
        Finder emptyLine = new Finder(t, "\n\n");
        int openBoneyards = 0;
        int openNotes = 0;
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                int end = boneyardEnd.from(i + 2);
                if (end >= 0) {
                    h.removed.add(new Removed(ElementType.BONEYARD, t.substring(i + 2, end).strip(), i));
                    i = skipSpace(t, end + 2, kept);
                    touched[kept.length()] = true;
                    continue;
                }
                openBoneyards = warn(source, diagnostics, openBoneyards, i,
                        "this boneyard '/*' is never closed with '*/', so it is kept as text; close it");
            } else if (c == '[' && i + 1 < n && t.charAt(i + 1) == '[') {
                int end = noteEnd.from(i + 2);
                int blank = emptyLine.from(i + 2);
                if (end >= 0 && (blank < 0 || end < blank)) {
                    h.removed.add(new Removed(ElementType.NOTE, t.substring(i + 2, end).strip(), i));
                    i = skipSpace(t, end + 2, kept);
                    touched[kept.length()] = true;
                    continue;
                }
                openNotes = warn(source, diagnostics, openNotes, i,
                        "this note '[[' is not closed with ']]' before a blank line, so it is kept as text;"
                                + " close it");
            }
            origins[kept.length()] = i;
            kept.append(c);
            i++;
        }
        summarize(source, diagnostics, openBoneyards, "boneyards");
        summarize(source, diagnostics, openNotes, "notes");
        h.split(kept, origins, touched, n);
        return h;
    }

    private void split(StringBuilder kept, int[] origins, boolean[] touched, int sourceLength) {
        int length = kept.length();
        int start = 0;
        while (start <= length) {
            int end = start;
            boolean hadHidden = false;
            while (end < length && kept.charAt(end) != '\n') {
                hadHidden |= touched[end];
                end++;
            }
            hadHidden |= touched[end];
            String text = kept.substring(start, end);
            if (!(hadHidden && text.isBlank())) {
                int endOrigin = end < length ? origins[end] : sourceLength;
                lines.add(new Line(text, Arrays.copyOfRange(origins, start, end), endOrigin));
            }
            start = end + 1;
        }
    }

    /** After a removal between two spaces, one space is enough. */
    private static int skipSpace(String t, int from, StringBuilder kept) {
        int i = from;
        if (kept.length() > 0 && kept.charAt(kept.length() - 1) == ' ') {
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                i++;
            }
        }
        return i;
    }

    private static int warn(SourceText source, List<Diagnostic> diagnostics, int count, int offset,
            String message) {
        if (count < MAX_WARNINGS) {
            diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, source.position(offset),
                    Optional.empty(), message));
        }
        return count + 1;
    }

    private static void summarize(SourceText source, List<Diagnostic> diagnostics, int count, String kind) {
        if (count > MAX_WARNINGS) {
            diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING,
                    film.slate.core.diagnostic.SourcePosition.ofFile(source.file()), Optional.empty(),
                    (count - MAX_WARNINGS) + " more unclosed " + kind + " were kept as text without a warning each"));
        }
    }

    /** {@link String#indexOf(String, int)} for rising start offsets, in linear time overall. */
    private static final class Finder {
        private final String text;
        private final String needle;
        private int found = -2;

        Finder(String text, String needle) {
            this.text = text;
            this.needle = needle;
        }

        int from(int start) {
            if (found == -1 || found >= start) {
                return found;
            }
            found = text.indexOf(needle, start);
            return found;
        }
    }
}
