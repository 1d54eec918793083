package film.slate.core.fountain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a document as Fountain text that {@link Fountain#parse} reads back to the same elements
 * (type and text): an element that would not be read as its type is forced ({@code .}, {@code !},
 * {@code @}, {@code >}), and a blank line separates every element but the parts of a speech.
 */
public final class FountainWriter {
    private static final String SPECIAL = ".!@#=~>[/";
    private static final Set<ElementType> IN_SPEECH = Set.of(ElementType.DIALOGUE, ElementType.PARENTHETICAL,
            ElementType.LYRICS);

    private final StringBuilder out = new StringBuilder();
    private final List<Element> elements;
    private boolean inSpeech;

    private FountainWriter(List<Element> elements) {
        this.elements = elements;
    }

    /** The document as Fountain, title page first. */
    public static String write(FountainDocument document) {
        FountainWriter w = new FountainWriter(document.elements());
        for (Map.Entry<String, String> e : document.titlePage().entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            w.out.append(e.getKey()).append(": ").append(lines[0]).append('\n');
            for (int k = 1; k < lines.length; k++) {
                w.out.append("    ").append(lines[k]).append('\n');
            }
        }
        for (int i = 0; i < w.elements.size(); i++) {
            w.element(i);
        }
        return w.out.toString();
    }

    private void element(int i) {
        Element e = elements.get(i);
        boolean speechGoesOn = inSpeech && (continuesSpeech(i) || isAside(e) && nextIsSpeech(i));
        if (!speechGoesOn && out.length() > 0) {
            out.append('\n');
        }
        inSpeech = speechGoesOn || e.is(ElementType.CHARACTER);
        String text = e.text();
        switch (e.type()) {
            case SCENE_HEADING -> line((Body.isHeading(text) && !special(text) ? text : "." + text)
                    + e.sceneNumber().map(n -> " #" + n + "#").orElse(""));
            case ACTION -> lines((forcedAction(text, i) ? "!" : "") + text);
            case CHARACTER -> line((Body.isCue(text) && !special(text) && nextIsSpeech(i) ? "" : "@") + text
                    + (e.dual().filter("right"::equals).isPresent() ? " ^" : ""));
            case DIALOGUE -> lines(text);
            case PARENTHETICAL -> line(text);
            case LYRICS -> line("~" + text);
            case TRANSITION -> line(Body.isTransition(text) && !special(text) ? text : ">" + text);
            case CENTERED -> line(">" + text + "<");
            case NOTE -> line("[[" + text + "]]");
            case BONEYARD -> line("/*" + text + "*/");
            case SECTION -> line("#".repeat(e.depth().orElse(1)) + " " + text);
            case SYNOPSIS -> line("= " + text);
            case PAGE_BREAK -> line(text);
            default -> throw new IllegalStateException("unknown element type " + e.type());
        }
    }

    /** Plain action is read as action unless its first line looks like another element. */
    private boolean forcedAction(String text, int i) {
        String first = text.lines().findFirst().orElse("");
        boolean titleKey = i == 0 && out.isEmpty() && first.indexOf(':') > 0;
        return first.isEmpty() || special(first) || Body.isHeading(first) || !hasLowerCase(first) || titleKey;
    }

    /** Whether the next element but notes and boneyard continues a speech. */
    private boolean nextIsSpeech(int i) {
        for (int k = i + 1; k < elements.size(); k++) {
            if (!isAside(elements.get(k))) {
                return continuesSpeech(k);
            }
        }
        return false;
    }

    /**
     * Dialogue and parentheticals continue the speech before them; a sung line does only on the same
     * side of dual dialogue as the element before it (notes and boneyard aside).
     */
    private boolean continuesSpeech(int k) {
        Element e = elements.get(k);
        if (!IN_SPEECH.contains(e.type())) {
            return false;
        }
        int before = k - 1;
        while (before >= 0 && isAside(elements.get(before))) {
            before--;
        }
        return !e.is(ElementType.LYRICS) || before >= 0 && elements.get(before).dual().equals(e.dual());
    }

    private static boolean isAside(Element e) {
        return e.is(ElementType.NOTE) || e.is(ElementType.BONEYARD);
    }

    private static boolean special(String text) {
        return !text.isEmpty() && SPECIAL.indexOf(text.charAt(0)) >= 0;
    }

    private static boolean hasLowerCase(String s) {
        return s.chars().anyMatch(Character::isLowerCase);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** Lines of one element; an empty line inside it is written as two spaces so it does not end it. */
    private void lines(String s) {
        for (String l : s.split("\n", -1)) {
            out.append(l.isEmpty() ? "  " : l).append('\n');
        }
    }
}
