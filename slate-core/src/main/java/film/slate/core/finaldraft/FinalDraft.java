package film.slate.core.finaldraft;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.fountain.Space;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads and writes Final Draft ({@code .fdx}) screenplays. See the package documentation. */
public final class FinalDraft {
    private static final Set<String> TITLE_KEYS = Set.of("title", "credit", "author", "authors", "source",
            "draft date", "date", "contact", "copyright", "notes", "revision");

    private FinalDraft() {
    }

    /** True for a file name that Slate reads as Final Draft. */
    public static boolean isFinalDraft(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".fdx");
    }

    /**
     * Reads a Final Draft file into the document a Fountain file gives: the same element types,
     * emphasis as Fountain markers, the line of each paragraph as its position.
     *
     * @param file the production-relative path every position names
     * @throws FinalDraftException when the bytes are not well-formed XML, declare a DTD, or are
     *     not a Final Draft file
     */
    public static FountainDocument read(String file, byte[] bytes) throws FinalDraftException {
        FdxHandler handler = new FdxHandler();
        try {
            SAXParser parser = factory().newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            InputSource in = new InputSource(new ByteArrayInputStream(bytes));
            in.setSystemId(file);
            parser.parse(in, handler);
        } catch (SAXParseException e) {
            throw new FinalDraftException(SourcePosition.of(file, Math.max(1, e.getLineNumber()),
                    Math.max(1, e.getColumnNumber())), notWellFormed(e));
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new FinalDraftException(SourcePosition.ofFile(file), "the Final Draft file cannot be read as XML ("
                    + e.getMessage() + "); save it again from Final Draft");
        }
        if (!FdxHandler.ROOT.equals(handler.root())) {
            throw new FinalDraftException(SourcePosition.of(file, 1, 1), "this is not a Final Draft file"
                    + " (its root element is <" + handler.root() + ">, not <FinalDraft>); save the script as .fdx"
                    + " from Final Draft, or as .fountain");
        }
        return document(file, handler.paragraphs());
    }

    /** The document as Final Draft XML (UTF-8). */
    public static String write(FountainDocument document) {
        return FdxWriter.write(document);
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance(); // the JDK's own, no service lookup
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    private static String notWellFormed(SAXParseException e) {
        String why = String.valueOf(e.getMessage());
        if (why.contains("DOCTYPE")) {
            return "the Final Draft file declares a DTD (<!DOCTYPE ...>), which Slate never reads because"
                    + " it could pull in other files; remove the DOCTYPE declaration";
        }
        return "the Final Draft file is not well-formed XML (" + why.strip() + "); save it again from"
                + " Final Draft or fix the XML at that line";
    }

    private static FountainDocument document(String file, List<FdxHandler.Paragraph> paragraphs) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        List<String> title = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        int group = 0;
        boolean right = false;
        for (FdxHandler.Paragraph p : paragraphs) {
            String text = p.text().replace("\r\n", "\n").replace('\r', '\n');
            if (p.titlePage()) {
                title.add(text);
                continue;
            }
            SourcePosition at = SourcePosition.of(file, Math.max(1, p.line()), Math.max(1, p.column()));
            if (p.startsNewPage()) {
                elements.add(Element.of(ElementType.PAGE_BREAK, "===", at, false));
            }
            if (Space.blank(text)) {
                continue;
            }
            Element e = element(p, Space.trim(text), at, unknown, diagnostics);
            if (p.dualGroup() != group) {
                group = p.dualGroup();
                right = false;
            } else if (group > 0 && e.is(ElementType.CHARACTER)) {
                right = true;
            }
            elements.add(group > 0 ? e.withDual(right ? "right" : "left") : e);
        }
        return new FountainDocument(file, titlePage(title), elements, diagnostics);
    }

    private static Element element(FdxHandler.Paragraph p, String text, SourcePosition at, Set<String> unknown,
            List<Diagnostic> diagnostics) {
        return switch (p.type()) {
            case "Scene Heading" -> Element.heading(text, at, p.number().isEmpty() ? Optional.empty()
                    : Optional.of(p.number()), false);
            case "Action" -> Element.of("Center".equalsIgnoreCase(p.alignment()) ? ElementType.CENTERED
                    : ElementType.ACTION, text, at, false);
            case "General", "Shot" -> Element.of(ElementType.ACTION, text, at, false);
            case "Character" -> Element.cue(text, at);
            case "Dialogue" -> Element.of(ElementType.DIALOGUE, text, at, false);
            case "Parenthetical" -> Element.of(ElementType.PARENTHETICAL, text, at, false);
            case "Transition" -> Element.of(ElementType.TRANSITION, text, at, false);
            case "Lyrics" -> Element.of(ElementType.LYRICS, text, at, false);
            case "Section" -> new Element(ElementType.SECTION, text, at, Optional.empty(), OptionalInt.of(p.depth()),
                    Optional.empty(), false, Optional.empty(), Optional.empty());
            case "Synopsis" -> Element.of(ElementType.SYNOPSIS, text, at, false);
            case "Note" -> Element.of(ElementType.NOTE, text, at, false);
            case "Boneyard" -> Element.of(ElementType.BONEYARD, text, at, false);
            default -> {
                if (unknown.add(p.type())) {
                    diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, at, Optional.empty(),
                            "paragraph type '" + p.type() + "' is not one Slate knows, so it (and every other"
                                    + " paragraph of that type) is read as action; give it a standard Final Draft"
                                    + " element type"));
                }
                yield Element.of(ElementType.ACTION, text, at, false);
            }
        };
    }

    /**
     * The title page: {@code Key: value} paragraphs as Fountain keys; otherwise the first paragraph
     * is the title, "Written by" (or "by") is the credit, the next paragraph the author, and the
     * rest the contact.
     */
    private static Map<String, String> titlePage(List<String> paragraphs) {
        Map<String, String> page = new LinkedHashMap<>();
        String next = "Title";
        for (String raw : paragraphs) {
            String p = Space.trim(raw);
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String key = colon > 0 ? p.substring(0, colon) : "";
            if (TITLE_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                page.merge(key, Space.trim(p.substring(colon + 1)), (a, b) -> a + "\n" + b);
                continue;
            }
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.equals("written by") || lower.equals("by") || lower.startsWith("screenplay by")) {
                page.merge("Credit", p, (a, b) -> a + "\n" + b);
                next = "Author";
                continue;
            }
            page.merge(next, p, (a, b) -> a + "\n" + b);
            next = next.equals("Title") ? "Credit" : next.equals("Author") ? "Contact" : next;
        }
        return page;
    }
}
