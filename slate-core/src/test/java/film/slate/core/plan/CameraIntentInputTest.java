package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.ScenePlan;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A camera by intent that cannot be placed is one finding at its line that names what is wrong (an
 * unknown name, a malformed intent, the constraint no position meets), and the example production
 * with its cameras rewritten as intents checks with no errors.
 */
class CameraIntentInputTest {

    /** Two people in a room (its size given), ANNA at [2, 2], BEN at [4, 2], and one shot with {@code camera}. */
    private static List<Diagnostic> errors(Path dir, String size, String camera) throws Exception {
        return errors(dir, size, "MS", camera);
    }

    private static List<Diagnostic> errors(Path dir, String size, String framing, String camera) throws Exception {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("slate.yaml"), "title: T\nid: t\n");
        Files.writeString(dir.resolve("bible/characters.yaml"), "ANNA: { description: a woman }\nBEN: { description: a man }\n"
                + "CARL: { description: a boy }\n");
        Files.writeString(dir.resolve("bible/locations.yaml"), "ROOM: { heading: INT. ROOM, description: a room, size: "
                + size + " }\n");
        Files.writeString(dir.resolve("bible/props.yaml"), "WATCH: { description: a watch }\n");
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nlocation: ROOM\naxis: [ANNA, BEN]\ncast:\n"
                + "  ANNA: { at: [2, 2], facing: 90 }\n  BEN: { at: [4, 2], facing: 270 }\nshots:\n"
                + "  - id: 1A\n    framing: " + framing + "\n    camera: " + camera + "\n    duration: 2\n");
        ReadProduction read = CameraIntents.solve(ProductionReader.read(dir));
        return Checker.check(read).stream().filter(Diagnostic::isError).toList();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "schema/field|{ ots: [ANNA] }|10|an over-the-shoulder names two characters",
        "schema/field|{ ots: [ANNA, ANNA] }|10|over the first one's shoulder onto the second",
        "schema/field|{ two: BEN }|10|a two-shot names two different characters",
        "schema/field|{ single: [ANNA, BEN] }|10|a single names one character",
        "schema/field|{ master: false }|10|write 'master: true'",
        "schema/field|{ single: ANNA, two: [ANNA, BEN] }|10|exactly one of single, ots, two, insert, master (it has 2)",
        "schema/field|{ single: ANNA, lens: 50 }|10|is written beside a camera by intent (single)",
        "ref/character|{ single: NOBODY }|10|names 'NOBODY', who is not in bible/characters.yaml; known: ANNA, BEN, CARL",
        "continuity/not-in-scene|{ ots: [ANNA, CARL] }|10|names CARL, who is not in the cast of scene 1",
        "ref/prop|{ insert: CLOCK }|10|names 'CLOCK', which is not a prop of bible/props.yaml; known: WATCH",
        "camera/intent|{ insert: WATCH }|10|WATCH is in no one's hand and rests nowhere on the set at that moment",
    })
    void badIntentsAreOneSentenceAtTheirLine(String rule, String camera, int line, String words, @TempDir Path dir)
            throws Exception {
        List<Diagnostic> errors = errors(dir, "[8, 8]", camera);
        assertThat(errors).as("errors of %s", camera).hasSize(1);
        Diagnostic e = errors.get(0);
        assertThat(e.rule().id()).isEqualTo(rule);
        assertThat(e.position().file()).isEqualTo("shots/001.yaml");
        assertThat(e.position().line()).isEqualTo(line);
        assertThat(e.message()).contains(words).doesNotContain("\n");
    }

    @Test
    void aRoomWithNoLegalPositionNamesTheConstraint(@TempDir Path dir) throws Exception {
        List<Diagnostic> errors = errors(dir, "[6, 2.6]", "EWS", "{ single: ANNA }");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).rule()).isEqualTo(Rule.CAMERA_INTENT);
        assertThat(errors.get(0).position().line()).isEqualTo(10);
        assertThat(errors.get(0).message()).startsWith("the camera of shot 1/1A (single: ANNA) cannot be placed: ")
                .contains("fits inside the 6 x 2.6 m room ROOM").contains("any lens from 14 to 135 mm").contains("write the camera out with at, lens and look_at");
    }

    @Test
    void aPlacedIntentReadsAsAnyCamera(@TempDir Path dir) throws Exception {
        assertThat(errors(dir, "[8, 8]", "{ ots: [ANNA, BEN] }")).isEmpty();
        var shot = CameraIntents.solve(ProductionReader.read(dir)).production().shots().get(0);
        assertThat(shot.subjects()).as("the intent's people when the shot names none").containsExactly("BEN", "ANNA");
        assertThat(shot.camera().lookAt().character()).contains("BEN");
        assertThat(shot.camera().intent().orElseThrow().toString()).isEqualTo("ots: [ANNA, BEN]");
    }

    private static final Pattern CAMERA = Pattern.compile("(?m)^    camera: \\{.*$");

    /**
     * The bundled example with every camera asked for by intent instead (the first of each scene the
     * master, inserts by their prop, one subject a single, two a two-shot when wide and an
     * over-the-shoulder onto the first when closer):
     * all are placed and nothing checks as an error.
     */
    @Test
    void theExampleByIntentChecksWithNoErrors(@TempDir Path dir) throws Exception {
        ExamplePlanTest.copy(ExamplePlanTest.EXAMPLE, dir);
        var before = ProductionReader.read(dir).production();
        int shots = before.shots().size();
        for (ScenePlan scene : before.scenes()) {
            Path file = dir.resolve(scene.file());
            String text = Files.readString(file).replaceAll("(?m)^    move: .*\\n", "");
            Matcher m = CAMERA.matcher(text);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (m.find()) {
                var shot = scene.shots().get(i);
                List<String> who = shot.subjects();
                String intent = who.isEmpty() ? null : i == 0 ? "master: true" : shot.framing() == film.slate.core.model.Framing.INSERT
                        ? "insert: " + who.get(0) : who.size() == 1 ? "single: " + who.get(0)
                        : shot.framing().ordinal() <= film.slate.core.model.Framing.FS.ordinal()
                        ? "two: [" + who.get(0) + ", " + who.get(1) + "]" : "ots: [" + who.get(1) + ", " + who.get(0) + "]";
                // A shot about no one (a point of view) keeps its written camera: the two kinds mix in one scene.
                m.appendReplacement(out, Matcher.quoteReplacement(intent == null ? m.group() : "    camera: { " + intent + " }"));
                i++;
            }
            m.appendTail(out);
            Files.writeString(file, out.toString());
        }
        ReadProduction read = CameraIntents.solve(ProductionReader.read(dir));
        assertThat(Checker.check(read)).filteredOn(Diagnostic::isError).as("errors of the example by intent").isEmpty();
        assertThat(read.production().shots()).hasSize(shots);
        assertThat(read.production().shots()).filteredOn(s -> s.camera().intent().isEmpty()).as("the two points of view")
                .hasSize(2);
    }
}
