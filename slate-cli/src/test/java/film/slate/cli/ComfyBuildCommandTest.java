package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.engine.comfyui.ComfyProduction;
import film.slate.engine.comfyui.FakeComfy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slate build} driving a ComfyUI server end to end, as a crew runs it, with previz conditioning. */
class ComfyBuildCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private List<JsonNode> run(StringWriter err, String... args) throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCode.OK);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void everyTakeIsGeneratedOnceThenCachedAndStatusSaysRendered() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 2, 3, "url: " + comfy.url(), "");
            StringWriter err = new StringWriter();
            List<JsonNode> first = run(err, "build", dir.toString(), "--json", "--jobs", "2");
            JsonNode summary = first.get(first.size() - 1);
            assertThat(summary.path("event").asText()).isEqualTo("summary");
            assertThat(summary.path("failed").asInt()).isZero();
            int rendered = summary.path("rendered").asInt();
            long renderedEvents = first.stream().filter(e -> e.path("event").asText().equals("rendered")).count();
            assertThat(renderedEvents).isEqualTo(rendered);
            // 6 takes (2 scenes x 3 shots), each with the previz take it conditions on: 12 renders, 6 prompts.
            assertThat(rendered).isEqualTo(12);
            assertThat(comfy.submissionsTotal()).isEqualTo(6);
            assertThat(comfy.duplicates).isEmpty();

            List<JsonNode> second = run(err, "build", dir.toString(), "--json");
            JsonNode again = second.get(second.size() - 1);
            assertThat(again.path("rendered").asInt()).isZero();
            assertThat(again.path("failed").asInt()).isZero();

            StringWriter out = new StringWriter();
            assertThat(Main.run(new String[] {"status", dir.toString(), "--format", "json"}, new PrintWriter(out, true),
                    new PrintWriter(err, true))).isEqualTo(ExitCode.OK);
            JsonNode shots = JSON.readTree(out.toString()).path("shots");
            assertThat(shots.size()).isEqualTo(6);
            shots.forEach(s -> assertThat(s.path("state").asText()).as(s.toString()).isEqualTo("rendered"));
        }
    }
}
