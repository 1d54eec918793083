package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses Fountain 1.1 screenplays. See the package documentation for the choices it makes. */
public final class Fountain {
    /** Title page keys of the spec and of common tools, compared in lower case. */
    private static final Set<String> TITLE_KEYS = Set.of("title", "credit", "author", "authors", "source",
            "draft date", "date", "contact", "copyright", "notes", "revision", "format", "font", "watermark",
            "tl", "tc", "tr", "cc", "bl", "br");
    private static final int MAX_KEY_LENGTH = 40;

    private Fountain() {
    }

    /**
     * Parses a screenplay. Total: any bytes give a document, never an exception.
     *
     * @param file the production-relative path that every position names
     * @param bytes the file's content
     */
    public static FountainDocument parse(String file, byte[] bytes) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceText source = SourceText.decode(file, bytes, diagnostics);
        warnControlCharacters(source, diagnostics);
        Hidden hidden = Hidden.strip(source, diagnostics);
        List<Hidden.Line> lines = hidden.lines();
        Map<String, String> titlePage = new LinkedHashMap<>();
        int bodyStart = titlePage(lines, titlePage);
        List<Body.Placed> placed = new ArrayList<>(Body.parse(source, lines, bodyStart, diagnostics));
        for (Hidden.Removed r : hidden.removed()) {
            placed.add(new Body.Placed(r.offset(), Element.of(r.type(), r.text(), source.position(r.offset()),
                    false)));
        }
        placed.sort(Comparator.comparingInt(Body.Placed::offset)); // stable: body order kept
        List<Element> elements = new ArrayList<>(placed.size());
        for (Body.Placed p : placed) {
            elements.add(p.element());
        }
        return new FountainDocument(file, titlePage, elements, diagnostics);
    }

    /** Reads the title page into {@code into}; returns the index of the first body line. */
    private static int titlePage(List<Hidden.Line> lines, Map<String, String> into) {
        if (lines.isEmpty() || key(lines.get(0).text()) == null) {
            return 0;
        }
        String key = null;
        int i = 0;
        for (; i < lines.size(); i++) {
            String raw = lines.get(i).text();
            if (Space.blank(raw)) {
                break;
            }
            String k = Character.isWhitespace(raw.charAt(0)) ? null : key(raw);
            if (k != null) {
                key = k;
                String value = Space.trim(raw.substring(raw.indexOf(':') + 1));
                into.merge(key, value, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b);
            } else if (key != null) {
                String more = Space.trim(raw);
                into.merge(key, more, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            }
        }
        return i;
    }

    /** The key of a {@code Key: value} title page line, or null. */
    private static String key(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > MAX_KEY_LENGTH) {
            return null;
        }
        String key = line.substring(0, colon);
        if (!Character.isLetter(key.charAt(0)) || !key.equals(key.strip())) {
            return null;
        }
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == '.' || c == '\'')) {
                return null;
            }
        }
        boolean known = TITLE_KEYS.contains(key.toLowerCase(Locale.ROOT));
        boolean capitals = key.equals(key.toUpperCase(Locale.ROOT));
        return known || !capitals ? key : null;
    }

    private static void warnControlCharacters(SourceText source, List<Diagnostic> diagnostics) {
        String t = source.text();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f') {
                diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, source.position(i),
                        Optional.empty(), String.format(Locale.ROOT, "control character U+%04X in the screenplay;"
                                + " is this a text file? Remove it or save the script as plain text", (int) c)));
                return;
            }
        }
    }
}
