package film.slate.core.plan;

import film.slate.core.report.QuickFix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies quick fixes to file texts, as {@code slate check --fix} does: each edit replaces a region
 * of one line, lines without an edit are kept byte for byte (comments, spacing, line ends), the
 * same edit proposed by two findings is made once, and an edit that overlaps one already made is
 * left for the next run.
 */
public final class Repairs {
    private Repairs() {
    }

    /** The new text of every file an edit touches; {@code texts} holds the current text of those files. */
    public static Map<String, String> apply(Map<String, String> texts, Collection<QuickFix> fixes) {
        Set<QuickFix.Edit> edits = new LinkedHashSet<>();
        fixes.forEach(f -> edits.addAll(f.edits()));
        Map<String, List<QuickFix.Edit>> byFile = new LinkedHashMap<>();
        for (QuickFix.Edit e : edits) {
            byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        byFile.forEach((file, list) -> {
            String text = texts.get(file);
            if (text != null) {
                out.put(file, apply(text, list));
            }
        });
        return out;
    }

    private static String apply(String text, List<QuickFix.Edit> edits) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        List<QuickFix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(QuickFix.Edit::line).thenComparing(Comparator.comparingInt(QuickFix.Edit::column).reversed()));
        int lastLine = -1;
        int lastStart = Integer.MAX_VALUE;
        for (QuickFix.Edit e : sorted) {
            if (e.line() > lines.size()) {
                continue;
            }
            if (e.line() != lastLine) {
                lastLine = e.line();
                lastStart = Integer.MAX_VALUE;
            }
            String line = lines.get(e.line() - 1);
            int start = e.column() - 1;
            int end = start + e.length();
            if (end > lastStart || end > line.length()) {
                continue; // overlaps an edit already made on this line
            }
            lines.set(e.line() - 1, line.substring(0, start) + e.text() + line.substring(end));
            lastStart = start;
        }
        return String.join("", lines);
    }
}
