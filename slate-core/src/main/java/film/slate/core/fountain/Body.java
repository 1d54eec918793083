package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the lines of a screenplay body, after the title page, into elements. */
final class Body {
    /** Scene heading prefixes, longest first; each must be followed by a dot or a space. */
    private static final List<String> HEADING_PREFIXES = List.of("INT./EXT", "INT/EXT", "EXT./INT", "EXT/INT",
            "I./E", "I/E", "E./I", "E/I", "INT", "EXT", "EST");

    /** An element and the source offset it starts at, for merging with notes and boneyard. */
    record Placed(int offset, Element element) {
    }

    private final SourceText source;
    private final List<Hidden.Line> lines;
    private final List<Diagnostic> diagnostics;
    private final List<Placed> out = new ArrayList<>();
    private int lastCue = -1;

    private Body(SourceText source, List<Hidden.Line> lines, List<Diagnostic> diagnostics) {
        this.source = source;
        this.lines = lines;
        this.diagnostics = diagnostics;
    }

    static List<Placed> parse(SourceText source, List<Hidden.Line> lines, int from, List<Diagnostic> diagnostics) {
        Body body = new Body(source, lines, diagnostics);
        body.parse(from);
        return body.out;
    }

    private void parse(int from) {
        int i = from;
        int n = lines.size();
        while (i < n) {
            String raw = lines.get(i).text();
            if (Space.blank(raw)) {
                i++;
                continue;
            }
            boolean prevBlank = i == from || Space.blank(lines.get(i - 1).text());
            boolean nextBlank = i + 1 >= n || isBreak(lines.get(i + 1).text());
            String t = Space.trim(raw);
            int col = Space.indent(raw);
            if (isPageBreak(t)) {
                add(i, col, Element.of(ElementType.PAGE_BREAK, t, pos(i, col), false));
                i++;
            } else if (t.startsWith("#")) {
                int depth = 0;
                while (depth < t.length() && t.charAt(depth) == '#') {
                    depth++;
                }
                add(i, col, Element.section(Space.trim(t.substring(depth)), pos(i, col), depth));
                i++;
            } else if (t.startsWith("=")) {
                add(i, col, Element.of(ElementType.SYNOPSIS, Space.trim(t.substring(1)), pos(i, col), false));
                i++;
            } else if (t.startsWith("~")) {
                add(i, col, Element.of(ElementType.LYRICS, Space.trim(t.substring(1)), pos(i, col), false));
                i++;
            } else if (t.startsWith(">")) {
                if (t.length() >= 2 && t.endsWith("<")) {
                    add(i, col, Element.of(ElementType.CENTERED, Space.trim(t.substring(1, t.length() - 1)),
                            pos(i, col), false));
                } else {
                    add(i, col, Element.of(ElementType.TRANSITION, Space.trim(t.substring(1)), pos(i, col), true));
                }
                i++;
            } else if (t.startsWith("!")) {
                i = action(i, col + 1, true);
            } else if (t.startsWith("@")) {
                i = speech(i, col, t.substring(1), true);
            } else if (t.length() > 1 && t.charAt(0) == '.' && Character.isLetterOrDigit(t.charAt(1))) {
                heading(i, col + 1, t.substring(1), true);
                i++;
            } else if (prevBlank && nextBlank && isHeading(t)) {
                heading(i, col, t, false);
                i++;
            } else if (prevBlank && isHeading(t)) {
                i = headingWithoutBlankAfter(i, col);
            } else if (prevBlank && nextBlank && isTransition(raw)) {
                add(i, col, Element.of(ElementType.TRANSITION, t, pos(i, col), false));
                i++;
            } else if (prevBlank && !nextBlank && isCue(t)) {
                i = speech(i, col, t, false);
            } else {
                i = action(i, col, false);
            }
        }
    }

    /** A heading line with text right under it: action, as the spec reads it, and a warning. */
    private int headingWithoutBlankAfter(int i, int col) {
        diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, pos(i, col), Optional.empty(),
                "a scene heading needs a blank line after it, so this paragraph is action; add a blank line"
                        + " after the heading, or start the line with '!' to keep it action"));
        return action(i, col, false);
    }

    private void heading(int i, int col, String text, boolean forced) {
        String t = Space.trim(text);
        Optional<String> number = Optional.empty();
        if (t.length() > 2 && t.endsWith("#")) {
            int open = t.lastIndexOf('#', t.length() - 2);
            if (open >= 0 && isSceneNumber(t.substring(open + 1, t.length() - 1))) {
                number = Optional.of(t.substring(open + 1, t.length() - 1));
                t = Space.trim(t.substring(0, open));
            }
        }
        int at = col + Space.indent(text);
        add(i, at, Element.heading(t, pos(i, at), number, forced));
    }

    private int action(int i, int col, boolean forced) {
        StringBuilder text = new StringBuilder();
        String first = Space.trimEnd(lines.get(i).text().substring(col));
        int start = col + Space.indent(first);
        text.append(Space.trim(first));
        int j = i + 1;
        while (j < lines.size()) {
            String raw = lines.get(j).text();
            if (isBreak(raw)) {
                break;
            }
            String s = Space.trim(raw);
            if (isPageBreak(s) || s.startsWith("#") || s.startsWith("=") || s.startsWith("~")
                    || (s.length() >= 2 && s.startsWith(">") && s.endsWith("<"))) {
                break;
            }
            text.append('\n').append(isSoftBlank(raw) ? "" : Space.trimEnd(raw));
            j++;
        }
        add(i, start, Element.of(ElementType.ACTION, text.toString(), pos(i, start), forced));
        return j;
    }

    private int speech(int i, int col, String cueText, boolean forced) {
        String cue = Space.trim(cueText);
        boolean dual = cue.endsWith("^");
        if (dual) {
            cue = Space.trim(cue.substring(0, cue.length() - 1));
        }
        String name = cueName(cue);
        Optional<String> extension = cueExtension(cue);
        int at = col + (forced ? 1 : 0) + Space.indent(cueText);
        int firstOfBlock = out.size();
        add(i, at, Element.character(cue, pos(i, at), name, extension, forced));
        int j = i + 1;
        StringBuilder said = null;
        int saidLine = -1;
        int saidCol = 0;
        while (j < lines.size()) {
            String raw = lines.get(j).text();
            if (isBreak(raw)) {
                break;
            }
            String s = Space.trim(raw);
            int c = Space.indent(raw);
            boolean parenthetical = s.startsWith("(") && s.endsWith(")");
            boolean lyric = s.startsWith("~");
            if (parenthetical || lyric) {
                flush(said, saidLine, saidCol);
                said = null;
                if (parenthetical) {
                    add(j, c, Element.of(ElementType.PARENTHETICAL, s, pos(j, c), false));
                } else {
                    add(j, c, Element.of(ElementType.LYRICS, Space.trim(s.substring(1)), pos(j, c), false));
                }
            } else if (said == null) {
                said = new StringBuilder(s);
                saidLine = j;
                saidCol = c;
            } else {
                said.append('\n').append(s);
            }
            j++;
        }
        flush(said, saidLine, saidCol);
        if (dual) {
            markDual(firstOfBlock, i);
        }
        lastCue = firstOfBlock;
        return j;
    }

    /** Marks the speech before ({@code lastCue} onwards) left and the one just read right. */
    private void markDual(int firstOfBlock, int line) {
        if (lastCue < 0 || out.get(lastCue).element().dual().isPresent()) {
            diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, pos(line, 0), Optional.empty(),
                    "dual dialogue '^' needs a single speech right before it to pair with; remove the '^' or"
                            + " put the other speech just above"));
            return;
        }
        for (int k = lastCue; k < out.size(); k++) {
            Placed p = out.get(k);
            out.set(k, new Placed(p.offset(), p.element().withDual(k < firstOfBlock ? "left" : "right")));
        }
    }

    private void flush(StringBuilder said, int line, int col) {
        if (said != null) {
            add(line, col, Element.of(ElementType.DIALOGUE, said.toString(), pos(line, col), false));
        }
    }

    private void add(int line, int col, Element e) {
        if (!e.type().isSpeech() && !e.is(ElementType.LYRICS)) {
            lastCue = -1;
        }
        out.add(new Placed(lines.get(line).origin(col), e));
    }

    private film.slate.core.diagnostic.SourcePosition pos(int line, int col) {
        return source.position(lines.get(line).origin(col));
    }

    /** The name of a cue ({@code MARA} of {@code MARA (V.O.)}), trimmed of Unicode white space. */
    static String cueName(String cue) {
        int paren = cue.indexOf('(');
        return Space.trim(paren < 0 ? cue : cue.substring(0, paren));
    }

    /** The extensions of a cue without parentheses, joined with a space ({@code V.O. CONT'D}). */
    static Optional<String> cueExtension(String cue) {
        int paren = cue.indexOf('(');
        return paren < 0 ? Optional.empty() : extension(cue.substring(paren));
    }

    private static Optional<String> extension(String tail) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < tail.length()) {
            int open = tail.indexOf('(', i);
            if (open < 0) {
                break;
            }
            int close = tail.indexOf(')', open + 1);
            String part = Space.trim(close < 0 ? tail.substring(open + 1) : tail.substring(open + 1, close));
            if (!part.isEmpty()) {
                parts.add(part);
            }
            if (close < 0) {
                break;
            }
            i = close + 1;
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** A blank line ends a paragraph or a speech; a line of two or more spaces does not. */
    private static boolean isBreak(String raw) {
        return Space.blank(raw) && !isSoftBlank(raw);
    }

    private static boolean isSoftBlank(String raw) {
        if (raw.length() < 2) {
            return false;
        }
        for (int k = 0; k < raw.length(); k++) {
            if (raw.charAt(k) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPageBreak(String t) {
        if (t.length() < 3) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) != '=') {
                return false;
            }
        }
        return true;
    }

    static boolean isHeading(String t) {
        for (String p : HEADING_PREFIXES) {
            if (t.length() > p.length() && t.regionMatches(true, 0, p, 0, p.length())) {
                char next = t.charAt(p.length());
                return next == '.' || next == ' ';
            }
        }
        return false;
    }

    /** Upper case and ending in {@code TO:} with nothing after it, not even a space (spec 1.1). */
    static boolean isTransition(String raw) {
        return raw.endsWith("TO:") && isUpper(raw);
    }

    /** An upper-case name before any extension; a line that starts like a heading is never a cue. */
    static boolean isCue(String t) {
        String cue = t.endsWith("^") ? t.substring(0, t.length() - 1) : t;
        int paren = cue.indexOf('(');
        String name = Space.trim(paren < 0 ? cue : cue.substring(0, paren));
        return !name.isEmpty() && isUpper(name) && !isHeading(t);
    }

    /** At least one letter, and no lower-case letter. */
    private static boolean isUpper(String s) {
        boolean letter = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    private static boolean isSceneNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }


}
