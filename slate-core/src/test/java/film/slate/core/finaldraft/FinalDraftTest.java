package film.slate.core.finaldraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.fountain.ElementType;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.fountain.Listing;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScreenplayFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Final Draft reader on files written by hand: every paragraph type, dual dialogue, styles, bad XML. */
class FinalDraftTest {
    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FinalDraftTest.class.getResourceAsStream("/finaldraft/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /finaldraft/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static FountainDocument read(String xml) throws FinalDraftException {
        return FinalDraft.read("s.fdx", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryParagraphTypeDualDialogueStyledRunsAndNonAsciiText() throws Exception {
        FountainDocument d = FinalDraft.read("every_type.fdx", resource("every_type.fdx"));

        assertThat(Listing.of(d)).isEqualTo(new String(resource("every_type.expected"), StandardCharsets.UTF_8));
    }

    @Test
    void aFinalDraftScreenplayCutsIntoScenesWithDialogueBlocksLikeFountain() throws Exception {
        Screenplay s = Screenplay.of(FinalDraft.read("every_type.fdx", resource("every_type.fdx")));

        assertThat(s.scenes()).extracting(sc -> sc.number()).containsExactly("1A", "2");
        assertThat(s.scenes().get(0).dialogue()).extracting(b -> b.index() + " " + b.character() + ": " + b.text())
                .containsExactly("1 RENÉE: Ça va _très_ bien.", "2 TOM: Now!", "3 MARA: Not yet.");
        assertThat(s.scenes().get(1).time()).isEqualTo("DAWN");
    }

    @Test
    void malformedXmlIsOneSentenceWithTheLine() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<FinalDraft>\n  <Content>\n"
                + "    <Paragraph Type=\"Action\"><Text>Rain</Paragraph>\n  </Content>\n</FinalDraft>\n"))
                .isInstanceOfSatisfying(FinalDraftException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(4);
                    assertThat(e.sentence()).startsWith("s.fdx:4:").contains("not well-formed XML")
                            .doesNotContain("\n");
                });
    }

    @Test
    void aFileThatIsNotFinalDraftIsRefused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<html><body/></html>\n"))
                .isInstanceOfSatisfying(FinalDraftException.class,
                        e -> assertThat(e.getMessage()).contains("not a Final Draft file").contains("<html>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE FinalDraft [<!ENTITY xxe SYSTEM \"FILE\">]>\n<FinalDraft><Content><Paragraph Type=\"Action\">"
                + "<Text>&xxe;</Text></Paragraph></Content></FinalDraft>",
        "<!DOCTYPE FinalDraft [<!ENTITY % p SYSTEM \"FILE\"> %p;]>\n<FinalDraft><Content/></FinalDraft>",
        "<!DOCTYPE FinalDraft SYSTEM \"FILE\">\n<FinalDraft><Content/></FinalDraft>",
        "<!DOCTYPE FinalDraft [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>&b;</Text></Paragraph></Content></FinalDraft>"})
    void externalEntitiesAndDtdsAreNeverResolved(String attack) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        String xml = "<?xml version=\"1.0\"?>\n" + attack.replace("FILE", secret.toUri().toString());

        assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(FinalDraftException.class, e -> {
            assertThat(e.getMessage()).contains("DTD").doesNotContain("TOP-SECRET");
            assertThat(e.position().line()).isEqualTo(2);
        });
        FountainDocument total = ScreenplayFile.parse("s.fdx", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(total.elements()).isEmpty();
        assertThat(total.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void sceneNumbersComeFromTheParagraphOrItsSceneProperties() throws Exception {
        FountainDocument d = read("<FinalDraft><Content>"
                + "<Paragraph Type=\"Scene Heading\" Number=\"12\"><Text>INT. A - DAY</Text></Paragraph>"
                + "<Paragraph Type=\"Scene Heading\"><SceneProperties Number=\"12A\"/><Text>INT. B - DAY</Text></Paragraph>"
                + "<Paragraph Type=\"Scene Heading\"><Text>INT. C - DAY</Text></Paragraph>"
                + "</Content></FinalDraft>");

        assertThat(Screenplay.of(d).scenes()).extracting(s -> s.number()).containsExactly("12", "12A", "3");
    }

    @Test
    void unknownParagraphTypesAreActionWithOneWarningEach() throws Exception {
        FountainDocument d = read("<FinalDraft><Content>"
                + "<Paragraph Type=\"Cast List\"><Text>MARA, TOM</Text></Paragraph>"
                + "<Paragraph Type=\"Cast List\"><Text>ELSIE</Text></Paragraph>"
                + "</Content></FinalDraft>");

        assertThat(d.elements()).extracting(e -> e.type()).containsExactly(ElementType.ACTION, ElementType.ACTION);
        assertThat(d.diagnostics()).singleElement().satisfies(x -> assertThat(x.message()).contains("Cast List"));
    }

    @Test
    void fileNamesEndingInFdxAreFinalDraft() {
        assertThat(FinalDraft.isFinalDraft("screenplay.FDX")).isTrue();
        assertThat(FinalDraft.isFinalDraft("screenplay.fountain")).isFalse();
    }
}
