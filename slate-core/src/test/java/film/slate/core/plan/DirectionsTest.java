package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code facing: NAME} (cast and blocking) and {@code look_at: PROP} (camera and pan) by name:
 * settled after reading into the bearings and points Slate measures with, so what previz draws and
 * the rules check is the direction the name gives; a name that is nothing there is a {@code
 * schema/field} error at its line.
 */
class DirectionsTest {

    /** ANNA at [2, 2] holding a WATCH, BEN at [5, 6]; one shot whose blocking and camera are given. */
    private static ReadProduction read(Path dir, String annaFacing, String blocking, String camera) throws Exception {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.writeString(dir.resolve("bible/characters.yaml"), "ANNA: { description: a woman }\nBEN: { description: a man }\n");
        Files.writeString(dir.resolve("bible/locations.yaml"), "ROOM: { heading: INT. ROOM, description: a room, size: [8, 8] }\n");
        Files.writeString(dir.resolve("bible/props.yaml"), "WATCH: { description: a watch }\nCUP: { description: a cup }\n");
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nlocation: ROOM\naxis: [ANNA, BEN]\ncast:\n"
                + "  ANNA: { at: [2, 2], facing: " + annaFacing + ", holds: [WATCH] }\n"
                + "  BEN: { at: [5, 6], facing: ANNA }\nshots:\n"
                + "  - id: 1A\n    framing: INSERT\n    subjects: [WATCH]\n    camera: " + camera + "\n    duration: 2\n"
                + "    blocking: " + blocking + "\n");
        return CameraIntents.solve(ProductionReader.read(dir));
    }

    @Test
    void namesBecomeTheBearingsAndPointsTheyGive(@TempDir Path dir) throws Exception {
        ReadProduction read = read(dir, "BEN", "{ BEN: { to: [5, 2], facing: WATCH } }",
                "{ at: [3.5, 0.6], height: 1.2, lens: 50, look_at: WATCH }");
        assertThat(Checker.check(read)).filteredOn(Diagnostic::isError).isEmpty();
        Production p = read.production();
        var cast = p.scenes().get(0).cast();
        assertThat(cast.get("ANNA").facing()).isEqualTo(new Point(2, 2).bearingTo(new Point(5, 6)), within());
        assertThat(cast.get("BEN").facing()).isEqualTo(new Point(5, 6).bearingTo(new Point(2, 2)), within());
        Shot shot = p.shots().get(0);
        Staging staging = new Staging(Continuity.of(p).shot("1/1A").orElseThrow(), p.bible());
        Sight sight = new Sight(staging, 720.0 / 1280);
        var watch = sight.prop("WATCH", 1).orElseThrow().plan();
        assertThat(shot.blocking().get("BEN").facing().getAsDouble()).as("Ben ends facing the watch in Anna's hand")
                .isEqualTo(new Point(5, 2).bearingTo(watch), within());
        var aim = shot.camera().lookAt().point().orElseThrow();
        assertThat(aim.distance(sight.prop("WATCH", 0.5).orElseThrow().plan())).as("the camera looks at the watch").isLessThan(0.01);
        assertThat(sight.inFrame(sight.prop("WATCH", 0.5).orElseThrow(), 0.5, 1)).isTrue();
    }

    @Test
    void facingAPropInAnotherHandFacesTheHolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir);
        ReadProduction read = read(dir, "90", "{}", "{ at: [3.5, 0.6], height: 1.2, lens: 50, look_at: WATCH }");
        String text = Files.readString(dir.resolve("shots/001.yaml")).replace("BEN: { at: [5, 6], facing: ANNA }",
                "BEN: { at: [5, 6], facing: WATCH }");
        Files.writeString(dir.resolve("shots/001.yaml"), text);
        read = CameraIntents.solve(ProductionReader.read(dir));
        assertThat(read.production().scenes().get(0).cast().get("BEN").facing())
                .isEqualTo(new Point(5, 6).bearingTo(new Point(2, 2)), within());
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "NOBODY|{}|{ at: [3.5, 0.6], lens: 50, look_at: WATCH }|5|'facing' of ANNA in the cast of shots/001.yaml is 'NOBODY'",
        "ANNA|{}|{ at: [3.5, 0.6], lens: 50, look_at: WATCH }|5|is 'ANNA', which is no one else in the cast of scene 1",
        "90|{ BEN: { to: [5, 2], facing: NOBODY } }|{ at: [3.5, 0.6], lens: 50, look_at: WATCH }|13|'facing' of the blocking of BEN",
        "90|{}|{ at: [3.5, 0.6], lens: 50, look_at: CUP }|11|'look_at' of the camera of shot 1/1A is CUP, which is in no one's hand",
    })
    void aNameThatIsNothingThereIsOneSchemaError(String facing, String blocking, String camera, int line, String words,
            @TempDir Path dir) throws Exception {
        List<Diagnostic> errors = Checker.check(read(dir, facing, blocking, camera)).stream().filter(Diagnostic::isError)
                .toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).rule().id()).isEqualTo("schema/field");
        assertThat(errors.get(0).position().file()).isEqualTo("shots/001.yaml");
        assertThat(errors.get(0).position().line()).isEqualTo(line);
        assertThat(errors.get(0).message()).contains(words);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.06);
    }
}
