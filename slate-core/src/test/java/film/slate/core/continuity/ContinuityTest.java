package film.slate.core.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContinuityTest {
    @TempDir
    Path dir;

    private Production write(String scene1, String scene2) throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("bible/characters.yaml"), """
                MARA: { description: keeper, wardrobe: { oilskin: yellow oilskin, sweater: grey sweater } }
                TOM: { description: relief keeper, wardrobe: { sweater: blue sweater } }
                """);
        Files.writeString(dir.resolve("bible/props.yaml"), "LANTERN: { description: brass lantern }\n");
        Files.writeString(dir.resolve("bible/locations.yaml"), "ROOM: { heading: INT. ROOM, size: [6, 6] }\n");
        Files.writeString(dir.resolve("shots/001.yaml"), scene1);
        if (scene2 != null) {
            Files.writeString(dir.resolve("shots/002.yaml"), scene2);
        }
        return ProductionReader.read(dir).production();
    }

    private static final String SCENE1 = """
            scene: 1
            location: ROOM
            time: NIGHT
            cast:
              MARA: { wardrobe: oilskin, at: [1, 1], facing: 90, holds: [LANTERN] }
              TOM: { wardrobe: sweater, at: [4, 1], facing: 270 }
            shots:
              - { id: A, framing: WS, camera: { at: [2, -3], lens: 24, look_at: [2, 1] }, duration: 3,
                  blocking: { MARA: { to: [2, 1] } }, events: [ { character: MARA, puts_down: LANTERN } ] }
              - { id: B, framing: MS, camera: { at: [2, -3], lens: 50, look_at: TOM }, duration: 3,
                  events: [ { character: TOM, picks_up: LANTERN }, { character: MARA, wears: sweater } ] }
            """;

    @Test
    void stateCarriesFromShotToShotInEditOrder() throws Exception {
        Continuity c = Continuity.of(write(SCENE1, null));
        ShotState a = c.shot("1/A").orElseThrow();
        assertThat(a.atStart("MARA").orElseThrow().holds()).containsExactly("LANTERN");
        assertThat(a.atEnd("MARA").orElseThrow().holds()).isEmpty();
        assertThat(a.atEnd("MARA").orElseThrow().at()).isEqualTo(new Point(2, 1));
        assertThat(a.atEnd("MARA").orElseThrow().facing()).isEqualTo(90);
        ShotState b = c.shot("1/B").orElseThrow();
        assertThat(b.atStart("MARA").orElseThrow().at()).isEqualTo(new Point(2, 1));
        assertThat(b.atEnd("TOM").orElseThrow().holds()).containsExactly("LANTERN");
        assertThat(b.atEnd("MARA").orElseThrow().wardrobe()).contains("sweater");
        assertThat(c.faults()).isEmpty();
    }

    @Test
    void aPropPutDownRestsOnTheSetUntilSomeonePicksItUp() throws Exception {
        Continuity c = Continuity.of(write(SCENE1, null));
        ShotState a = c.shot("1/A").orElseThrow();
        assertThat(a.setStart()).isEmpty();
        // Mara walked to [2, 1] facing east (90) and put the lantern down a reach in front of her.
        assertThat(a.setEnd()).containsOnlyKeys("LANTERN");
        assertThat(a.setEnd().get("LANTERN").x()).isCloseTo(2 + Continuity.REACH, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.setEnd().get("LANTERN").y()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
        ShotState b = c.shot("1/B").orElseThrow();
        assertThat(b.setStart()).isEqualTo(a.setEnd());
        assertThat(b.setEnd()).isEmpty(); // Tom picked it up
    }

    @Test
    void aContinuingSceneStartsWhereTheLastEnded() throws Exception {
        String scene2 = """
                scene: 2
                continues: true
                location: ROOM
                cast:
                  MARA: { at: [2, 1] }
                  TOM: { wardrobe: sweater, at: [4, 1] }
                shots:
                  - { id: A, framing: WS, camera: { at: [2, -3], lens: 24, look_at: [2, 1] }, duration: 3,
                      events: [ { character: TOM, puts_down: LANTERN } ] }
                """;
        Continuity c = Continuity.of(write(SCENE1, scene2));
        ShotState s = c.shot("2/A").orElseThrow();
        assertThat(s.atStart("MARA").orElseThrow().wardrobe()).contains("sweater");
        assertThat(s.atStart("TOM").orElseThrow().holds()).containsExactly("LANTERN");
        assertThat(c.faults()).isEmpty();
    }

    @Test
    void wardrobeThatJumpsInAContinuingSceneIsAFault() throws Exception {
        String scene2 = """
                scene: 2
                continues: true
                location: ROOM
                cast:
                  MARA: { wardrobe: oilskin, at: [2, 1] }
                shots:
                  - { id: A, framing: WS, camera: { at: [2, -3], lens: 24, look_at: [2, 1] }, duration: 3,
                      events: [ { character: MARA, uses: LANTERN } ] }
                """;
        Continuity c = Continuity.of(write(SCENE1, scene2));
        assertThat(c.faults()).extracting(d -> d.rule())
                .containsExactlyInAnyOrder(Rule.CONTINUITY_WARDROBE_CHANGE, Rule.CONTINUITY_PROP_NOT_HELD);
        assertThat(c.faults()).allSatisfy(d -> assertThat(d.position().file()).isEqualTo("shots/002.yaml"));
    }

}
