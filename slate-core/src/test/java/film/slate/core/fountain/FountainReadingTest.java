package film.slate.core.fountain;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.Screenplay;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per choice Slate makes where the Fountain 1.1 spec is silent (FORMAT.md, "Slate's reading"). */
class FountainReadingTest {

    private static FountainDocument parse(String text) {
        return Fountain.parse("s.fountain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> types(FountainDocument d) {
        return d.elements().stream().map(e -> e.type().jsonName()).toList();
    }

    @Test
    void aForcedHeadingNeedsNoBlankLineAfterIt() {
        assertThat(types(parse("\n.FLASHBACK\nShe remembers.\n"))).containsExactly("scene_heading", "action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXT. POOL - DAY", "INT. HOUSE - NIGHT", "I/E CAR - DAY"})
    void aHeadingLineWithTextRightUnderItIsActionNotACueAndIsWarned(String heading) {
        FountainDocument d = parse("Before.\n\n" + heading + "\nThe water is still.\n");

        assertThat(types(d)).containsExactly("action", "action");
        assertThat(d.elements().get(1).text()).isEqualTo(heading + "\nThe water is still.");
        assertThat(d.diagnostics()).singleElement().satisfies(x -> {
            assertThat(x.position().line()).isEqualTo(3);
            assertThat(x.message()).contains("blank line after");
        });
    }

    @Test
    void aForcedTransitionMayEndInAnything() {
        FountainDocument d = parse("Before.\n\n> CUT TO:  \n\nAfter.\n");
        assertThat(types(d)).containsExactly("action", "transition", "action");
        assertThat(d.elements().get(1).text()).isEqualTo("CUT TO:");
    }

    @Test
    void noBreakSpacesAreTrimmedFromCuesSoOneCharacterStaysOne() {
        Screenplay s = Screenplay.of(parse("INT. A - DAY\n\nWILL\u00A0\nHi.\n\nWILL\nBye.\n\n\u00A0WILL (V.O.)\u2007\nOut.\n"));

        assertThat(s.scenes().get(0).dialogue()).extracting(DialogueBlock::character).containsExactly("WILL",
                "WILL", "WILL");
        assertThat(s.document().elements().get(1).name()).contains("WILL");
    }

    @Test
    void headingsTransitionsAndTitleValuesAreTrimmedOfUnicodeWhiteSpace() {
        FountainDocument d = parse("Title:\u00A0The Keeper\u202F\n\nINT. A - DAY\u00A0\n\n\u2003CUT TO:\n\nEnd.\n");

        assertThat(d.title()).isEqualTo("The Keeper");
        assertThat(d.elements().get(0).text()).isEqualTo("INT. A - DAY");
        assertThat(types(d)).containsExactly("scene_heading", "transition", "action");
    }

    @Test
    void aLineOfOnlyNoBreakSpacesIsABlankLineButTwoSpacesKeepAParagraph() {
        assertThat(types(parse("One.\n\u00A0\u00A0\nTwo.\n"))).containsExactly("action", "action");
        assertThat(types(parse("One.\n  \nTwo.\n"))).containsExactly("action");
    }

    @Test
    void dialogueBlocksAreNumberedPerSceneWithContdCuesAndBothDualSpeeches() {
        Screenplay s = Screenplay.of(parse("""
                MARA
                Before any scene.

                INT. A - DAY

                MARA
                One.

                TOM
                (beat)
                Two.

                MARA (CONT'D)
                Three.

                TOM
                Four.

                MARA ^
                Five.

                INT. B - DAY

                TOM (CONT'D)
                One again.
                """));

        assertThat(s.scenes().get(0).dialogue()).extracting(b -> b.index() + " " + b.character() + " " + b.text())
                .containsExactly("1 MARA One.", "2 TOM Two.", "3 MARA Three.", "4 TOM Four.", "5 MARA Five.");
        assertThat(s.scenes().get(1).dialogue()).extracting(DialogueBlock::index).containsExactly(1);
    }
}
