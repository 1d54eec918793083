package film.slate.core.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fountain.ElementType;
import film.slate.core.fountain.Fountain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreenplayTest {
    private static final String SCRIPT = """
            FADE IN:

            INT. LIGHTHOUSE - LAMP ROOM - NIGHT

            Mara trims the wick. Tom watches.

            MARA (V.O.)
            (quietly)
            It never goes out.
            ~Keep the light.

            TOM
            Never?

            MARA ^
            Never, *ever*.

            EXT. CLIFF PATH - CONTINUOUS #3A#

            The wind.

            INT./EXT. BOAT - LATER

            I/E TRUCK

            .DREAM SEQUENCE

            EXT. BEACH - DAWN

            @McCLANE
            Yippee.
            """;

    private static Screenplay screenplay() {
        return Screenplay.of(Fountain.parse("screenplay.fountain", SCRIPT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scenesFollowHeadingsWithNumbersSettingsAndTimes() {
        Screenplay sp = screenplay();
        assertThat(sp.scenes()).extracting(ScriptScene::number).containsExactly("1", "3A", "3", "4", "5", "6");
        assertThat(sp.scenes()).extracting(ScriptScene::setting).containsExactly("INT. LIGHTHOUSE - LAMP ROOM",
                "EXT. CLIFF PATH", "INT./EXT. BOAT", "I/E TRUCK", "DREAM SEQUENCE", "EXT. BEACH");
        assertThat(sp.scenes()).extracting(ScriptScene::interior).containsExactly("INT", "EXT", "INT/EXT",
                "INT/EXT", "", "EXT");
        assertThat(sp.scenes()).extracting(ScriptScene::time).containsExactly("NIGHT", "NIGHT", "NIGHT", "", "",
                "DAWN");
        assertThat(sp.scenes()).extracting(ScriptScene::location).containsExactly("LIGHTHOUSE - LAMP ROOM",
                "CLIFF PATH", "BOAT", "TRUCK", "DREAM SEQUENCE", "BEACH");
        ScriptScene first = sp.scenes().get(0);
        assertThat(first.heading()).isEqualTo("INT. LIGHTHOUSE - LAMP ROOM - NIGHT");
        assertThat(first.position()).isEqualTo(SourcePosition.of("screenplay.fountain", 3, 1));
        assertThat(first.elements().get(0).type()).isEqualTo(ElementType.SCENE_HEADING);
        assertThat(sp.scene("3A")).containsSame(sp.scenes().get(1));
        assertThat(sp.scene("99")).isEmpty();
    }

    @Test
    void dialogueBlocksCountDualSpeechesTwiceAndLeaveParentheticalsOut() {
        ScriptScene first = screenplay().scenes().get(0);
        assertThat(first.dialogue()).extracting(DialogueBlock::index).containsExactly(1, 2, 3);
        assertThat(first.dialogue()).extracting(DialogueBlock::character).containsExactly("MARA", "TOM", "MARA");
        assertThat(first.dialogue().get(0).text()).isEqualTo("It never goes out. Keep the light.");
        assertThat(first.dialogue().get(0).words()).isEqualTo(7);
        assertThat(first.dialogue().get(2).text()).isEqualTo("Never, *ever*.");
        assertThat(first.dialogue().get(2).words()).isEqualTo(2);
        assertThat(first.dialogue().get(0).position().line()).isEqualTo(7);
        assertThat(screenplay().scenes().get(5).dialogue().get(0).character()).isEqualTo("MCCLANE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INT. HOUSE - KITCHEN - DAY|DAY|INT. HOUSE - KITCHEN", "EXT. SEA - SUNSET|SUNSET|EXT. SEA",
        "INT. HOUSE - KITCHEN|''|INT. HOUSE - KITCHEN", "INT. HOUSE - SAME|PREV|INT. HOUSE",
        "INT. HOUSE - MOMENTS LATER|PREV|INT. HOUSE", "int. house - night|NIGHT|int. house"})
    void timeOfDayIsTheLastPart(String heading, String time, String setting) {
        Headings.Read read = Headings.read(heading);
        assertThat(read.carriesOver() ? "PREV" : read.time()).isEqualTo(time);
        assertThat(read.setting()).isEqualTo(setting);
    }

    @Test
    void wordsAreTokensWithALetterOrDigit() {
        assertThat(DialogueBlock.countWords("")).isZero();
        assertThat(DialogueBlock.countWords("  -- ... ")).isZero();
        assertThat(DialogueBlock.countWords("It's 9 o'clock -- *run*!")).isEqualTo(4);
    }
}
