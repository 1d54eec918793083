package film.slate.core.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fountain.Fountain;
import film.slate.core.screenplay.Screenplay;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakdownTest {
    private static final String SCRIPT = """
            Title: The Keeper

            INT. LIGHTHOUSE - LAMP ROOM - NIGHT

            Mara lights the LANTERN. Elsie sleeps in the corner.

            MARA
            (to Tom)
            Hand me the old map.

            TOM
            Here.

            EXT. CLIFF PATH - DAY #2A#

            Tom runs with two lanterns.

            TOM
            Mara! Wait!

            INT. CHURCH - LATER

            Empty pews.

            EXT. HARBOUR - NIGHT

            Rain.
            """;

    private static Breakdown breakdown(BreakdownInputs inputs) {
        return Breakdown.of(Screenplay.of(Fountain.parse("screenplay.fountain",
                SCRIPT.getBytes(StandardCharsets.UTF_8))), inputs);
    }

    @Test
    void stripsCarryCastPropsWordsAndShots() {
        Breakdown b = breakdown(new BreakdownInputs(List.of("LANTERN", "OLD_MAP", "ROPE"), List.of("ELSIE"),
                Map.of("1", new PlannedShots(3, 12.5))));
        assertThat(b.title()).isEqualTo("The Keeper");
        SceneBreakdown one = b.scenes().get(0);
        assertThat(one.speakingCast()).containsExactly("MARA", "TOM");
        assertThat(one.nonSpeakingCast()).containsExactly("ELSIE");
        assertThat(one.props()).containsExactly("LANTERN", "OLD_MAP");
        assertThat(one.words()).containsExactly(Map.entry("MARA", 5), Map.entry("TOM", 1));
        assertThat(one.shots()).contains(new PlannedShots(3, 12.5));
        assertThat(one.stripColour()).isEqualTo("blue");
        assertThat(one.screenSeconds()).isEqualTo(one.eighths() * 7.5);

        SceneBreakdown two = b.scenes().get(1);
        assertThat(two.number()).isEqualTo("2A");
        assertThat(two.speakingCast()).containsExactly("TOM");
        assertThat(two.nonSpeakingCast()).isEmpty(); // "Mara!" is dialogue, not action
        assertThat(two.props()).containsExactly("LANTERN");
        assertThat(two.stripColour()).isEqualTo("yellow");
        assertThat(two.shots()).isEmpty();

        assertThat(b.scenes()).extracting(SceneBreakdown::time).containsExactly("NIGHT", "DAY", "DAY", "NIGHT");
        assertThat(b.scenes()).extracting(SceneBreakdown::stripColour).containsExactly("blue", "yellow", "white",
                "green");
    }

    @Test
    void totalsCountScenesCastAndDayNight() {
        BreakdownTotals t = breakdown(BreakdownInputs.none()).totals();
        assertThat(t.scenes()).isEqualTo(4);
        assertThat(t.day()).isEqualTo(2);
        assertThat(t.night()).isEqualTo(2);
        assertThat(t.interior()).isEqualTo(2);
        assertThat(t.exterior()).isEqualTo(2);
        assertThat(t.pages()).isEqualTo(1);
        assertThat(t.runningSeconds()).isEqualTo(t.eighths() * 7.5);
        assertThat(t.cast()).extracting(CastMember::character).containsExactly("TOM", "MARA");
        List<SceneBreakdown> s = breakdown(BreakdownInputs.none()).scenes();
        assertThat(t.cast().get(0)).isEqualTo(new CastMember(1, "TOM", 2, 2, "1", 3, List.of("1", "2A"), "2A",
                s.get(0).eighths() + s.get(1).eighths()));
        assertThat(t.cast().get(1)).isEqualTo(new CastMember(2, "MARA", 1, 1, "1", 5, List.of("1"), "1",
                s.get(0).eighths()));
        assertThat(s).extracting(SceneBreakdown::castNumbers).containsExactly(List.of(1, 2), List.of(1), List.of(),
                List.of());
    }

    @Test
    void namesMatchWholeWordsOnly() {
        assertThat(Mentions.names("THE LANTERNS GLOW", "LANTERN")).isTrue();
        assertThat(Mentions.names("A LANTERNFISH", "LANTERN")).isFalse();
        assertThat(Mentions.names("TOMORROW", "TOM")).isFalse();
        assertThat(Mentions.names("TOM'S COAT", "TOM")).isTrue();
        assertThat(Mentions.names("THE OLD MAP.", "OLD_MAP")).isTrue();
    }
}
