package film.slate.core.fountain;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.diagnostic.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases of issue 6 and of the byte level: line ends, encodings, the public record shapes. */
class FountainElementsTest {

    private static FountainDocument parse(String text) {
        return Fountain.parse("screenplay.fountain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Element only(FountainDocument d, ElementType type) {
        List<Element> found = d.elements().stream().filter(e -> e.is(type)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".HEADING|scene_heading", "...and more|action", "..|action", ". not a heading|action",
        "INT. HOUSE - DAY|scene_heading", "EXT HOUSE|scene_heading", "INTERCOM BUZZES.|action",
        "I/E CAR - DAY|scene_heading", "!INT. HOUSE - DAY|action"})
    void forcedHeadingDotButNotEllipsis(String line, String type) {
        FountainDocument d = parse("Before.\n\n" + line + "\n\nAfter.\n");
        assertThat(d.elements().get(1).type().jsonName()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"1A", "I-1-A", "110A", "1.1", "A"})
    void sceneNumbers(String number) {
        Element heading = only(parse("INT. HOUSE - DAY #" + number + "#\n\nAction.\n"), ElementType.SCENE_HEADING);
        assertThat(heading.sceneNumber()).contains(number);
        assertThat(heading.text()).isEqualTo("INT. HOUSE - DAY");
    }

    @Test
    void aSceneNumberWithSpacesIsText() {
        Element heading = only(parse("INT. HOUSE - DAY #1 A#\n"), ElementType.SCENE_HEADING);
        assertThat(heading.sceneNumber()).isEmpty();
        assertThat(heading.text()).isEqualTo("INT. HOUSE - DAY #1 A#");
    }

    @Test
    void crlfAndCrEndLinesLikeLf() {
        String unix = "Title: X\n\nINT. A - DAY\n\nMARA (V.O.)\n(soft)\nHi.\n\nCUT TO:\n\nEnd.\n";
        String lf = Listing.of(parse(unix));
        assertThat(Listing.of(parse(unix.replace("\n", "\r\n")))).isEqualTo(lf);
        assertThat(Listing.of(parse(unix.replace("\n", "\r")))).isEqualTo(lf);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] text = "INT. A - DAY\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        FountainDocument d = Fountain.parse("s.fountain", bom);
        assertThat(d.elements()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ElementType.SCENE_HEADING);
            assertThat(e.position()).isEqualTo(SourcePosition.of("s.fountain", 1, 1));
        });
        assertThat(d.diagnostics()).isEmpty();
    }

    @Test
    void utf16WithByteOrderMarkIsRead() {
        byte[] body = "INT. CAFÉ - DAY\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(Fountain.parse("s.fountain", bytes).elements().get(0).text()).isEqualTo("INT. CAFÉ - DAY");
    }

    @Test
    void latin1IsDecodedWithAWarningAtTheFirstBadByte() {
        byte[] bytes = "INT. CAFÉ - DAY\r\n\r\nRenée entre.\r\n".getBytes(StandardCharsets.ISO_8859_1);
        FountainDocument d = Fountain.parse("s.fountain", bytes);
        assertThat(d.elements()).extracting(Element::text).containsExactly("INT. CAFÉ - DAY", "Renée entre.");
        assertThat(d.elements().get(1).position()).isEqualTo(SourcePosition.of("s.fountain", 3, 1));
        assertThat(d.diagnostics()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.SYNTAX_FOUNTAIN);
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.position()).isEqualTo(SourcePosition.of("s.fountain", 1, 9));
            assertThat(x.message()).contains("UTF-8");
        });
    }

    @Test
    void windows1252QuotesAreReadAsQuotes() {
        byte[] bytes = {'H', 'e', ' ', 's', 'a', 'y', 's', ' ', (byte) 0x93, 'n', 'o', (byte) 0x94, '.'};
        FountainDocument d = Fountain.parse("s.fountain", bytes);
        assertThat(d.elements().get(0).text()).isEqualTo("He says \u201cno\u201d.");
        assertThat(d.diagnostics()).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void emptyAndBlankFilesHaveNoElements() {
        assertThat(Fountain.parse("s.fountain", new byte[0]).elements()).isEmpty();
        assertThat(parse("\n\n   \n\t\n").elements()).isEmpty();
        assertThat(parse("").titlePage()).isEmpty();
    }

    @Test
    void aSectionRightAboveASynopsis() {
        FountainDocument d = parse("INT. A - DAY\n\n## Middle\n= The turn.\nShe turns.\n");
        assertThat(d.elements()).extracting(e -> e.type().jsonName()).containsExactly("scene_heading", "section",
                "synopsis", "action");
        assertThat(d.elements().get(1).depth()).hasValue(2);
    }

    @Test
    void aBareToEndingTransitionNeedsBlankLinesAround() {
        assertThat(only(parse("She goes.\n\nDISSOLVE TO:\n\nINT. B - DAY\n"), ElementType.TRANSITION).text())
                .isEqualTo("DISSOLVE TO:");
        assertThat(parse("She goes.\nDISSOLVE TO:\n\nINT. B - DAY\n").elements().get(0).text())
                .isEqualTo("She goes.\nDISSOLVE TO:");
    }

    @Test
    void centeredVersusForcedTransition() {
        FountainDocument d = parse(">THE END<\n\n>  THE END  <\n\n>THE END\n");
        assertThat(d.elements()).extracting(e -> e.type().jsonName()).containsExactly("centered", "centered",
                "transition");
        assertThat(d.elements()).extracting(Element::text).containsOnly("THE END");
        assertThat(d.elements().get(2).forced()).isTrue();
    }

    @Test
    void forcedLowerCaseCharacterKeepsItsCase() {
        Element cue = only(parse("Before.\n\n@McCLANE (O.S.)\nYippee.\n"), ElementType.CHARACTER);
        assertThat(cue.name()).contains("McCLANE");
        assertThat(cue.extension()).contains("O.S.");
        assertThat(cue.forced()).isTrue();
        assertThat(cue.position().column()).isEqualTo(2);
    }

    @Test
    void aCueNeedsABlankLineBeforeAndALineAfter() {
        assertThat(parse("She looks up.\nMARA\nHello.\n").elements()).extracting(Element::type)
                .containsExactly(ElementType.ACTION);
        assertThat(parse("She looks up.\n\nMARA\n\nHello.\n").elements()).extracting(Element::type)
                .containsExactly(ElementType.ACTION, ElementType.ACTION, ElementType.ACTION);
    }

    @Test
    void notesAndBoneyardNeverLoseTheirPlace() {
        FountainDocument d = parse("INT. A - DAY\n\nShe [[a\nnote]] runs. /* cut\nthis */ Away.\n");
        assertThat(d.elements()).extracting(e -> e.type().jsonName() + "@" + e.position().line() + ":"
                + e.position().column()).containsExactly("scene_heading@1:1", "action@3:1", "note@3:5",
                        "boneyard@4:14");
        assertThat(d.elements().get(1).text()).isEqualTo("She runs. Away.");
    }

    @Test
    void tabsAndIndentationKeepColumnsRight() {
        Element action = only(parse("\t  She waits.\n"), ElementType.ACTION);
        assertThat(action.position().column()).isEqualTo(4);
        assertThat(action.text()).isEqualTo("She waits.");
    }

    @Test
    void aTitlePageOnlyWithATitleKey() {
        assertThat(parse("FADE IN:\n\nINT. A - DAY\n").titlePage()).isEmpty();
        FountainDocument d = parse("title: Lower\nAUTHOR: Caps\nDraft Date: today\n\nINT. A - DAY\n");
        assertThat(d.titlePage()).containsExactly(java.util.Map.entry("title", "Lower"),
                java.util.Map.entry("AUTHOR", "Caps"), java.util.Map.entry("Draft Date", "today"));
        assertThat(d.title()).isEqualTo("Lower");
        assertThat(d.elements().get(0).position().line()).isEqualTo(5);
    }

    @Test
    void elementTypesHaveTheJsonNamesOfIssueSix() {
        assertThat(ElementType.values()).extracting(ElementType::jsonName).containsExactly("scene_heading", "action",
                "character", "dialogue", "parenthetical", "transition", "centered", "lyrics", "note", "boneyard",
                "section", "synopsis", "page_break");
    }
}
