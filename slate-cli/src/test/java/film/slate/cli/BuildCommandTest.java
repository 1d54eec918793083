package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.testing.TestPatternGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void clear() {
        TestPatternGenerator.STARTS.clear();
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                l.add(JSON.readTree(line));
            }
        }
        return l;
    }

    @Test
    void buildJsonStatusWhyTakesLogAndGc() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 3);
        Slate.Run dry = Slate.inProcess("build", dir.toString(), "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("would render 1/1S1#1").contains("6 to render");

        Slate.Run build = Slate.inProcess("build", dir.toString(), "--json", "--jobs", "2");
        assertThat(build.code()).as(build.err()).isZero();
        List<JsonNode> events = lines(build.out());
        assertThat(events).allSatisfy(e -> assertThat(e.path("event").asText())
                .isIn("queued", "started", "rendered", "cached", "retry", "failed", "summary"));
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("rendered"))).hasSize(6)
                .allSatisfy(e -> {
                    assertThat(e.path("shot").asText()).matches("\\d/\\dS\\d");
                    assertThat(e.path("take").asInt()).isEqualTo(1);
                    assertThat(e.path("recipe").asText()).hasSize(64);
                });
        JsonNode summary = events.get(events.size() - 1);
        assertThat(summary.path("event").asText()).isEqualTo("summary");
        assertThat(summary.path("rendered").asInt()).isEqualTo(6);
        assertThat(summary.path("failed").asInt()).isZero();

        JsonNode status = JSON.readTree(Slate.inProcess("status", dir.toString(), "--format", "json").out());
        assertThat(status.path("shots")).hasSize(6);
        JsonNode take = status.path("shots").get(0).path("takes").get(0);
        assertThat(status.path("shots").get(0).path("shot").asText()).isEqualTo("1/1S1");
        assertThat(status.path("shots").get(0).path("state").asText()).isEqualTo("rendered");
        assertThat(take.path("take").asInt()).isEqualTo(1);
        assertThat(take.path("version").asInt()).isEqualTo(1);
        assertThat(take.path("state").asText()).isEqualTo("rendered");
        assertThat(take.path("master").asText()).hasSize(64);

        // Edit Mara's description: the shots that see her are stale, with why.
        Path chars = dir.resolve("bible/characters.yaml");
        Files.writeString(chars, Files.readString(chars).replace("weathered face", "scarred face"));
        status = JSON.readTree(Slate.inProcess("status", dir.toString(), "--format", "json").out());
        assertThat(status.path("shots").get(0).path("state").asText()).isEqualTo("stale");
        assertThat(status.path("shots").get(0).path("takes").get(0).path("why").toString())
                .contains("/subjects/0/description").contains("/prompt");
        assertThat(status.path("shots").get(2).path("state").asText()).isEqualTo("rendered"); // 1S3 sees Tom only
        Slate.Run why = Slate.inProcess("why", "1/1S1", "-C", dir.toString());
        assertThat(why.out()).contains("/subjects/0/description").contains("was: \"woman in her forties, weathered face\"")
                .contains("now: \"woman in her forties, scarred face\"");

        Slate.Run rebuild = Slate.inProcess("build", dir.toString(), "--json");
        JsonNode s2 = lines(rebuild.out()).get(lines(rebuild.out()).size() - 1);
        assertThat(s2.path("rendered").asInt()).isEqualTo(4); // 1S1, 1S2, 2S1, 2S2 see Mara
        assertThat(s2.path("cached").asInt()).isEqualTo(2);
        assertThat(Slate.inProcess("takes", "1/1S1", "-C", dir.toString()).out()).contains("take 1 v1").contains("take 1 v2");
        assertThat(Slate.inProcess("log", dir.toString(), "--shot", "1/1S1").out()).contains("queued").contains("rendered");
        Slate.Run gc = Slate.inProcess("gc", dir.toString());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).startsWith("removed 0 objects");
        Files.createDirectories(dir.resolve(".slate/objects/sha256/00"));
        Files.write(dir.resolve(".slate/objects/sha256/00").resolve("0".repeat(62)), new byte[] {1});
        // an old leftover (a fresh one could be a take a lost WAL took along: gc keeps those without --force)
        Files.setLastModifiedTime(dir.resolve(".slate/objects/sha256/00").resolve("0".repeat(62)),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        assertThat(Slate.inProcess("gc", dir.toString()).out()).startsWith("removed 1 objects");
    }

    @Test
    void aPermanentFailureIsReportedOnceAndTheBuildGoesOn() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Slate.Run build = Slate.inProcess(TestPatternGenerator.Faults.NONE.withPermanent("1/1S2").withTransient(1),
                "build", dir.toString(), "--json");
        assertThat(build.code()).isEqualTo(ExitCode.FINDINGS);
        List<JsonNode> events = lines(build.out());
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("failed"))).singleElement()
                .satisfies(e -> assertThat(e.path("reason").asText()).contains("refuses shot 1/1S2"));
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("retry"))).hasSize(2);
        assertThat(events.get(events.size() - 1).path("rendered").asInt()).isEqualTo(2);
        JsonNode status = JSON.readTree(Slate.inProcess("status", dir.toString(), "--format", "json").out());
        assertThat(status.path("shots").get(1).path("state").asText()).isEqualTo("failed");
        assertThat(status.path("shots").get(1).path("takes").get(0).path("master").isNull()).isTrue();
    }

    @Test
    void clearErrorsForBadArguments() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        assertThat(Slate.inProcess("build", dir.toString(), "--shots", "nonsense").code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(Slate.inProcess("build", dir.toString(), "--backend", "nope").err()).contains("no backend 'nope'");
        var nothing = Slate.inProcess("build", dir.toString(), "--shots", "9/*");
        assertThat(nothing.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(nothing.err()).contains("--shots 9/* matches no shot").contains("scenes are 1");
        assertThat(Slate.inProcess("why", "9/9Z", "-C", dir.toString()).code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(Slate.inProcess("build", tmp.resolve("none").toString()).code()).isEqualTo(ExitCode.CANNOT_RUN);
    }
}
