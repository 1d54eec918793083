package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.model.Point;
import film.slate.core.model.Posture;
import film.slate.core.model.Production;
import film.slate.core.model.SetPiece;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The staging fields: set pieces of a location, postures of marks and moves, entrances and exits, and their faults. */
class StagingFieldsTest {
    private static final String LOCATIONS = """
            ROOM:
              heading: INT. ROOM
              description: a room
              size: [6, 5]
              set:
                BENCH: { at: [2, 3], size: [1.6, 0.5], height: 0.45 }
                DOOR: { at: [5.8, 1], size: [0.2, 1], height: 2.1, facing: 0 }
            """;
    private static final String CHARACTERS = """
            ANN: { description: a woman, height: 1.7 }
            BEN: { description: a man, height: 1.8 }
            """;

    @TempDir
    Path dir;

    private ReadProduction read(String locations, String cast, String blocking) throws Exception {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.writeString(dir.resolve("bible/characters.yaml"), CHARACTERS);
        Files.writeString(dir.resolve("bible/locations.yaml"), locations);
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nlocation: ROOM\ntime: DAY\ncast:\n" + cast
                + "shots:\n  - id: A\n    framing: WS\n    subjects: [ANN]\n"
                + "    camera: { at: [3, 0.2], height: 1.6, lens: 24, look_at: [3, 3] }\n    duration: 2\n"
                + (blocking.isEmpty() ? "" : "    blocking: " + blocking + "\n")
                + "  - id: B\n    framing: WS\n    subjects: [ANN]\n"
                + "    camera: { at: [3, 0.2], height: 1.6, lens: 24, look_at: [3, 3] }\n    duration: 2\n");
        return ProductionReader.read(dir);
    }

    @Test
    void setPiecesPosturesAndEntrancesRead() throws Exception {
        ReadProduction read = read(LOCATIONS, "  ANN: { at: BENCH, facing: 180, posture: sit }\n  BEN: { at: off }\n",
                "{ ANN: { to: [3, 1.5], posture: stand }, BEN: { enters: DOOR, to: [4, 2], posture: kneel } }");
        assertThat(read.diagnostics()).isEmpty();
        Production p = read.production();
        assertThat(p.bible().locations().get("ROOM").set()).containsExactly(
                new SetPiece("BENCH", new Point(2, 3), 1.6, 0.5, 0.45, 0), new SetPiece("DOOR", new Point(5.8, 1), 0.2, 1, 2.1, 0));
        var ann = p.scenes().get(0).cast().get("ANN");
        assertThat(ann.at()).isEqualTo(new Point(2, 3));
        assertThat(ann.posture()).isEqualTo(Posture.SIT);
        assertThat(p.scenes().get(0).cast().get("BEN").off()).isTrue();
        var ben = p.scenes().get(0).shots().get(0).blocking().get("BEN");
        assertThat(ben.enters()).contains(new Point(5.8, 1));
        assertThat(ben.posture()).contains(Posture.KNEEL);
        var a = Continuity.of(p).shot("1/A").orElseThrow();
        assertThat(a.start().get("ANN").seat()).as("sits at the bench's height").isEqualTo(0.45);
        assertThat(a.end().get("ANN").posture()).isEqualTo(Posture.STAND);
        assertThat(a.end().get("ANN").seat()).isZero();
        assertThat(a.start().get("BEN").at()).as("comes on at the door").isEqualTo(new Point(5.8, 1));
        assertThat(Checker.check(read).stream().filter(d -> d.severity() == Severity.ERROR)).isEmpty();
    }

    @Test
    void oneWhoNeverEntersIsInNoShot() throws Exception {
        ReadProduction read = read(LOCATIONS, "  ANN: { at: [2, 2] }\n  BEN: { at: off }\n", "{ ANN: { exits: DOOR } }");
        assertThat(read.diagnostics()).isEmpty();
        Continuity c = Continuity.of(read.production());
        assertThat(c.shot("1/A").orElseThrow().start()).containsOnlyKeys("ANN");
        assertThat(c.shot("1/A").orElseThrow().end().get("ANN").at()).isEqualTo(new Point(5.8, 1));
        assertThat(c.shot("1/B").orElseThrow().start()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "  ANN: { at: [1, 1], posture: crouch }\\n| | shots/001.yaml:5| is 'crouch'; use one of stand, sit, kneel, lie",
        "  ANN: { at: SOFA }\\n| | shots/001.yaml:5| names 'SOFA', which is no set piece of ROOM",
        "  ANN: { at: [1, 1] }\\n| { ANN: { to: TABLE } }| shots/001.yaml:12| names 'TABLE', which is no set piece",
        "  ANN: { at: [1, 1] }\\n  BEN: { at: off }\\n| { BEN: { to: [2, 2] } }| shots/001.yaml:13| says nowhere for them to come on",
        "  ANN: { at: [1, 1] }\\n| { ANN: { enters: DOOR, to: [2, 2] } }| shots/001.yaml:12| is already on set",
        "  ANN: { at: [1, 1] }\\n| { ANN: { to: [2, 2], exits: DOOR } }| shots/001.yaml:12| says it twice",
        "OUT| | bible/locations.yaml:6| partly outside the location's floor plan [6, 5]"})
    void badStagingIsOneSchemaErrorAtItsLine(String cast, String blocking, String at, String says) throws Exception {
        String locations = cast.equals("OUT") ? LOCATIONS.replace("at: [2, 3]", "at: [5.5, 3]") : LOCATIONS;
        StringBuilder members = new StringBuilder();
        for (String line : (cast.equals("OUT") ? "ANN: { at: [1, 1] }" : cast).split("\\\\n")) {
            members.append("  ").append(line.strip()).append('\n'); // the CSV trims the indentation away
        }
        List<Diagnostic> errors = Checker.check(read(locations, members.toString(), blocking == null ? "" : blocking)).stream()
                .filter(d -> d.rule() == Rule.SCHEMA_FIELD).toList(); // a mark that cannot be read may leave others behind
        assertThat(errors).hasSize(1);
        Diagnostic d = errors.get(0);
        assertThat(d.rule()).isEqualTo(Rule.SCHEMA_FIELD);
        assertThat(d.position().file() + ":" + d.position().line()).isEqualTo(at.strip());
        assertThat(d.message()).contains(says.strip()).doesNotContain("\n");
    }
}
