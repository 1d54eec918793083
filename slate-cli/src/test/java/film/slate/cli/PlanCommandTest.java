package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slate plan} end to end: what it prints and writes, what it refuses, and its exit codes. */
class PlanCommandTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");

    Path film;

    @BeforeEach
    void copyTheExample(@TempDir Path dir) throws IOException {
        film = dir.resolve("lighthouse");
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : walk.toList()) {
                Path to = film.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void aPlanWrittenInPlaceOfAScenesShotsChecksClean() throws IOException {
        Slate.Run plan = Slate.inProcess("plan", "3", film.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("# Drafted by 'slate plan 3 --style classic'").contains("scene: 3");
        Files.writeString(film.resolve("shots/003.yaml"), plan.out());
        Slate.Run check = Slate.inProcess("check", film.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).startsWith("0 errors, 0 warnings");
    }

    @Test
    void writeRefusesAScenePlannedAlreadyAndFillsOneThatIsNot() throws IOException {
        Slate.Run refused = Slate.inProcess("plan", "2", film.toString(), "--write");
        assertThat(refused.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(refused.err()).contains("already has 8 shots in shots/002.yaml").contains("--out");
        String before = Files.readString(film.resolve("shots/002.yaml"));
        Files.delete(film.resolve("shots/004.yaml"));
        Slate.Run written = Slate.inProcess("plan", "4", film.toString(), "--write");
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(Files.readString(film.resolve("shots/004.yaml"))).contains("scene: 4");
        assertThat(Files.readString(film.resolve("shots/002.yaml"))).isEqualTo(before);
        assertThat(written.err()).contains("default marks"); // scene 4 lost its blocking with its file
        assertThat(Slate.inProcess("check", film.toString()).out()).startsWith("0 errors, 0 warnings");
    }

    @Test
    void shotsCapsThePlanAndItStillCoversEveryLineClean() throws IOException {
        for (String n : new String[] {"1", "3"}) {
            Slate.Run plan = Slate.inProcess("plan", "2", film.toString(), "--shots", n);
            assertThat(plan.code()).as(plan.err()).isZero();
            assertThat(plan.out().lines().filter(l -> l.startsWith("  - id: ")).count()).isBetween(1L, Long.parseLong(n));
            Files.writeString(film.resolve("shots/002.yaml"), plan.out());
            assertThat(Slate.inProcess("check", film.toString()).out()).startsWith("0 errors, 0 warnings");
        }
        assertThat(Slate.inProcess("plan", "2", film.toString(), "--shots", "0").code()).isEqualTo(ExitCode.CANNOT_RUN);
    }

    @Test
    void jsonCarriesEveryShotWithItsIdiomAndReason() throws IOException {
        Slate.Run run = Slate.inProcess("plan", "1", film.toString(), "--format", "json", "--style", "intimate");
        assertThat(run.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("style").asText()).isEqualTo("intimate");
        assertThat(root.get("shots")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("id").asText()).startsWith("1/1");
            assertThat(s.get("why").asText()).contains("lens");
            assertThat(s.get("camera").get("at")).hasSize(2);
        });
        assertThat(root.get("shots").get(0).get("idiom").asText()).isEqualTo("master");
        assertThat(root.get("yaml").asText()).contains("scene: 1");
    }

    @Test
    void explainSaysWhereAndWhy() {
        Slate.Run run = Slate.inProcess("plan", "--explain", "2/2B", film.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("2/2B: ").contains("camera at [").contains("mm lens").contains("action line");
        Slate.Run missing = Slate.inProcess("plan", "--explain", "2/2Z", film.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(missing.err()).contains("has no shot 2/2Z").contains("2/2A");
    }

    @Test
    void aCameraByIntentIsPlacedExplainedAndChecked() throws IOException {
        Path shots = film.resolve("shots/001.yaml");
        String written = "camera: { at: [5.2, 10.6], height: 1.6, lens: 50, look_at: MARA }";
        Files.writeString(shots, Files.readString(shots).replace(written, "camera: { single: MARA }"));
        Slate.Run explain = Slate.inProcess("plan", "--explain", "1/1C", film.toString());
        assertThat(explain.code()).as(explain.err()).isZero();
        assertThat(explain.out()).startsWith("1/1C: camera by intent (single: MARA): a single of MARA")
                .contains("camera at [").contains("mm lens makes MARA").contains("action line TOM-MARA");
        Slate.Run check = Slate.inProcess("check", film.toString());
        assertThat(check.code()).as(check.out() + check.err()).isZero();

        Files.writeString(shots, Files.readString(shots).replace("camera: { single: MARA }", "camera: { single: MORA }"));
        Slate.Run bad = Slate.inProcess("check", film.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("shots/001.yaml:31:23: error ref/character: the camera of shot 1/1C (single: MORA)"
                + " names 'MORA', who is not in bible/characters.yaml");
    }

    @Test
    void theSamePlanTwiceIsTheSameBytes() {
        assertThat(Slate.inProcess("plan", "5", film.toString(), "--style", "kinetic").out())
                .isEqualTo(Slate.inProcess("plan", "5", film.toString(), "--style", "kinetic").out());
    }

    @Test
    void badInputGetsOneSentenceAndItsExitCode() throws IOException {
        Slate.Run unknown = Slate.inProcess("plan", "9", film.toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(unknown.err()).contains("no scene 9").contains("1, 2, 3, 4, 5").doesNotContain("Exception");
        assertThat(Slate.inProcess("plan", "1", film.toString(), "--style", "baroque").code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(Slate.inProcess("plan", "1", film.toString(), "--write", "--out", "x.yaml").code())
                .isEqualTo(ExitCode.CANNOT_RUN);
        // A kitchen of 1.2 x 1.2 m leaves no legal place for any camera.
        Path locations = film.resolve("bible/locations.yaml");
        Files.writeString(locations, Files.readString(locations).replace("size: [5, 4]", "size: [1.2, 1.2]"));
        Slate.Run tiny = Slate.inProcess("plan", "2", film.toString());
        assertThat(tiny.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(tiny.err()).contains("1.2 x 1.2 m room").contains("cannot be planned").doesNotContain("Exception");
        assertThat(tiny.err().strip().lines()).hasSize(1);
    }
}
