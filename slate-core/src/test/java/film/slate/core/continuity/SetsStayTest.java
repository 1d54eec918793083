package film.slate.core.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prop put down stays on the set where it was left: a scene that continues elsewhere does not carry it along. */
class SetsStayTest {
    @TempDir
    Path dir;

    private static String scene(int n, String location, boolean continues, String cast, String shots) {
        return """
                scene: %d
                continues: %s
                location: %s
                time: NIGHT
                cast:
                  %s
                shots:
                %s
                """.formatted(n, continues, location, cast, shots.indent(2));
    }

    private Production write(String... scenes) throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("bible/characters.yaml"), "MARA: { description: keeper }\n");
        Files.writeString(dir.resolve("bible/props.yaml"), "LANTERN: { description: brass lantern }\n");
        Files.writeString(dir.resolve("bible/locations.yaml"), """
                ROOM: { heading: INT. ROOM, size: [6, 6] }
                STAIRS: { heading: INT. STAIRS, size: [3, 3] }
                """);
        for (int i = 0; i < scenes.length; i++) {
            Files.writeString(dir.resolve("shots/00" + (i + 1) + ".yaml"), scenes[i]);
        }
        return ProductionReader.read(dir).production();
    }

    private static final String SHOT = "- { id: A, framing: WS, camera: { at: [1, -3], lens: 24, look_at: [1, 1] }, duration: 2 }";

    @Test
    void aPropLeftInOneRoomIsNotOnTheNextRoomsFloorButIsStillThereOnReturn() throws Exception {
        Production p = write(
                scene(1, "ROOM", false, "MARA: { at: [1, 1], facing: 90, holds: [LANTERN] }",
                        "- { id: A, framing: WS, camera: { at: [1, -3], lens: 24, look_at: [1, 1] }, duration: 2,"
                                + " events: [ { character: MARA, puts_down: LANTERN } ] }"),
                scene(2, "STAIRS", true, "MARA: { at: [1, 1], facing: 0 }", SHOT),
                scene(3, "ROOM", true, "MARA: { at: [2, 2], facing: 0 }", SHOT));
        Continuity c = Continuity.of(p);
        Point left = c.shot("1/A").orElseThrow().setEnd().get("LANTERN");
        assertThat(left).isNotNull();
        assertThat(c.shot("2/A").orElseThrow().setStart()).as("the stairs' floor").isEmpty();
        assertThat(c.shot("3/A").orElseThrow().setStart()).as("back in the room").containsEntry("LANTERN", left);
    }

    @Test
    void aSceneThatContinuesOnTheSameSetKeepsWhatRestsThere() throws Exception {
        Production p = write(
                scene(1, "ROOM", false, "MARA: { at: [1, 1], facing: 90, holds: [LANTERN] }",
                        "- { id: A, framing: WS, camera: { at: [1, -3], lens: 24, look_at: [1, 1] }, duration: 2,"
                                + " events: [ { character: MARA, puts_down: LANTERN } ] }"),
                scene(2, "ROOM", true, "MARA: { at: [1, 1], facing: 0 }", SHOT),
                scene(3, "ROOM", false, "MARA: { at: [1, 1], facing: 0 }", SHOT));
        Continuity c = Continuity.of(p);
        assertThat(c.shot("2/A").orElseThrow().setStart()).containsKey("LANTERN");
        assertThat(c.shot("3/A").orElseThrow().setStart()).as("a later, not continuing scene starts clear").isEmpty();
    }

    /** A prop is in one place: one carried off (or put down on another set) is gone from where it was left. */
    @Test
    void aPropTakenAwayIsNoLongerWhereItWasLeft() throws Exception {
        String putDown = "- { id: A, framing: WS, camera: { at: [1, -3], lens: 24, look_at: [1, 1] }, duration: 2,"
                + " events: [ { character: MARA, puts_down: LANTERN } ] }";
        Production p = write(
                scene(1, "ROOM", false, "MARA: { at: [1, 1], facing: 90, holds: [LANTERN] }", putDown),
                scene(2, "STAIRS", false, "MARA: { at: [1, 1], facing: 0, holds: [LANTERN] }", putDown),
                scene(3, "ROOM", true, "MARA: { at: [2, 2], facing: 0 }", SHOT));
        Continuity c = Continuity.of(p);
        assertThat(c.shot("3/A").orElseThrow().setStart()).as("the lantern was last left on the stairs").isEmpty();

        Production carried = write(
                scene(1, "ROOM", false, "MARA: { at: [1, 1], facing: 90, holds: [LANTERN] }", putDown),
                scene(2, "STAIRS", true, "MARA: { at: [1, 1], facing: 0, holds: [LANTERN] }", SHOT),
                scene(3, "ROOM", true, "MARA: { at: [2, 2], facing: 0 }", SHOT));
        Continuity d = Continuity.of(carried);
        assertThat(d.shot("3/A").orElseThrow().start().get("MARA").holds()).containsExactly("LANTERN");
        assertThat(d.shot("3/A").orElseThrow().setStart()).as("in her hand, not also on the floor").isEmpty();
    }
}
