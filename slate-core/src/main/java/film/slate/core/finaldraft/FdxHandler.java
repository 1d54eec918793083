package film.slate.core.finaldraft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the paragraphs of a Final Draft file: those of the script ({@code FinalDraft/Content})
 * and of the title page ({@code FinalDraft/TitlePage/Content}), with their styled {@code <Text>}
 * runs joined (styles as Fountain emphasis), and the line each starts on.
 */
final class FdxHandler extends DefaultHandler {
    static final String ROOT = "FinalDraft";

    /** One paragraph as the file has it. */
    record Paragraph(String type, String number, String alignment, boolean startsNewPage, int depth, String text,
            int line, int column, int dualGroup, boolean titlePage) {
    }

    /** A paragraph being read: its attributes and the text so far. */
    private static final class Open {
        private final String type;
        private final String alignment;
        private final boolean startsNewPage;
        private final int depth;
        private final int line;
        private final int column;
        private final int dualGroup;
        private String number;
        private final StringBuilder text = new StringBuilder();
        private boolean holdsDual;

        private Open(Attributes a, Locator at, int dualGroup) {
            type = value(a, "Type");
            number = value(a, "Number");
            alignment = value(a, "Alignment");
            startsNewPage = "Yes".equalsIgnoreCase(value(a, "StartsNewPage"));
            depth = level(value(a, "Level"));
            line = at == null ? 0 : at.getLineNumber();
            column = at == null ? 0 : at.getColumnNumber();
            this.dualGroup = dualGroup;
        }
    }

    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private Locator locator;
    private StringBuilder run;
    private String runStyle = "";
    private int dualGroups;
    private int dualDepth;
    private String root;

    List<Paragraph> paragraphs() {
        return paragraphs;
    }

    /** The name of the root element, or null when there was none. */
    String root() {
        return root;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) throws SAXException {
        if (root == null) {
            root = qName;
        }
        path.push(qName);
        switch (qName) {
            case "Paragraph" -> open.push(new Open(a, locator, dualDepth > 0 ? dualGroups : 0));
            case "DualDialogue" -> {
                dualGroups++;
                dualDepth++;
                if (!open.isEmpty()) {
                    open.peek().holdsDual = true;
                }
            }
            case "Text" -> {
                run = new StringBuilder();
                runStyle = value(a, "Style");
            }
            case "SceneProperties" -> {
                if (!open.isEmpty() && open.peek().number.isEmpty()) {
                    open.peek().number = value(a, "Number");
                }
            }
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (run != null) {
            run.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        path.pop();
        switch (qName) {
            case "Text" -> {
                if (run != null && !open.isEmpty()) {
                    open.peek().text.append(Emphasis.markers(run.toString(), runStyle));
                }
                run = null;
            }
            case "DualDialogue" -> dualDepth--;
            case "Paragraph" -> close(open.pop());
            default -> { }
        }
    }

    private void close(Open p) {
        boolean titlePage = path.contains("TitlePage");
        boolean script = !titlePage && path.size() >= 2 && path.contains("Content") && ROOT.equals(path.peekLast());
        if (p.holdsDual && p.text.toString().isBlank() || !(titlePage || script)) {
            return;
        }
        paragraphs.add(new Paragraph(p.type, p.number, p.alignment, p.startsNewPage, p.depth, p.text.toString(),
                p.line, p.column, p.dualGroup, titlePage));
    }

    private static String value(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null ? "" : v.strip();
    }

    private static int level(String s) {
        try {
            return s.isEmpty() ? 1 : Math.max(1, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
