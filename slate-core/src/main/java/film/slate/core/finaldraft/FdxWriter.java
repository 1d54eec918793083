package film.slate.core.finaldraft;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.fountain.FountainDocument;
import java.util.List;
import java.util.Map;

/**
 * Writes a document as Final Draft XML. Fountain elements Final Draft has no paragraph type for are
 * written so that Slate reads them back: centered text as centred Action, {@code Lyrics}, {@code
 * Section} (with its {@code Level}), {@code Synopsis}, {@code Note} and {@code Boneyard} paragraphs,
 * and a page break as an empty paragraph with {@code StartsNewPage="Yes"}.
 */
final class FdxWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);

    private FdxWriter() {
    }

    static String write(FountainDocument document) {
        FdxWriter w = new FdxWriter();
        w.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n")
                .append("<FinalDraft DocumentType=\"Script\" Template=\"No\" Version=\"5\">\n  <Content>\n");
        List<Element> elements = document.elements();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.dual().filter("left"::equals).isPresent()) {
                int end = i + 1;
                while (end < elements.size() && elements.get(end).dual().isPresent()
                        && !(elements.get(end).dual().get().equals("left")
                                && elements.get(end - 1).dual().get().equals("right"))) {
                    end++;
                }
                w.out.append("    <Paragraph>\n      <DualDialogue>\n");
                elements.subList(i, end).forEach(d -> w.paragraph(d, "        "));
                w.out.append("      </DualDialogue>\n    </Paragraph>\n");
                i = end - 1;
            } else {
                w.paragraph(e, "    ");
            }
        }
        w.out.append("  </Content>\n");
        if (!document.titlePage().isEmpty()) {
            w.out.append("  <TitlePage>\n    <Content>\n");
            for (Map.Entry<String, String> t : document.titlePage().entrySet()) {
                w.out.append("      <Paragraph Type=\"General\">\n        <Text>").append(escape(t.getKey() + ": "
                        + t.getValue())).append("</Text>\n      </Paragraph>\n");
            }
            w.out.append("    </Content>\n  </TitlePage>\n");
        }
        w.out.append("</FinalDraft>\n");
        return w.out.toString();
    }

    private void paragraph(Element e, String indent) {
        if (e.is(ElementType.PAGE_BREAK)) {
            out.append(indent).append("<Paragraph Type=\"Action\" StartsNewPage=\"Yes\"/>\n");
            return;
        }
        out.append(indent).append("<Paragraph Type=\"").append(type(e.type())).append('"');
        e.sceneNumber().ifPresent(n -> out.append(" Number=\"").append(escape(n)).append('"'));
        if (e.is(ElementType.CENTERED)) {
            out.append(" Alignment=\"Center\"");
        }
        e.depth().ifPresent(d -> out.append(" Level=\"").append(d).append('"'));
        out.append(">\n");
        if (e.is(ElementType.SCENE_HEADING)) {
            out.append(indent).append("  <SceneProperties/>\n");
        }
        for (Emphasis.Run r : Emphasis.runs(e.text())) {
            out.append(indent).append("  <Text").append(r.style().isEmpty() ? "" : " Style=\"" + r.style() + "\"")
                    .append('>').append(escape(r.text())).append("</Text>\n");
        }
        out.append(indent).append("</Paragraph>\n");
    }

    private static String type(ElementType t) {
        return switch (t) {
            case SCENE_HEADING -> "Scene Heading";
            case ACTION, CENTERED -> "Action";
            case CHARACTER -> "Character";
            case DIALOGUE -> "Dialogue";
            case PARENTHETICAL -> "Parenthetical";
            case TRANSITION -> "Transition";
            case LYRICS -> "Lyrics";
            case SECTION -> "Section";
            case SYNOPSIS -> "Synopsis";
            case NOTE -> "Note";
            case BONEYARD -> "Boneyard";
            case PAGE_BREAK -> "Page Break";
        };
    }

    /** XML text: markup escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
