package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slate script} and {@code slate breakdown} as a user runs them: output shapes and exit codes. */
class ScriptToolsTest {
    private static final String SCRIPT = """
            Title: The Keeper
            Author: Someone

            # Act One
            = Mara alone.

            INT. LIGHTHOUSE - LAMP ROOM - NIGHT #1A#

            Mara lights the lantern. [[bigger flame?]]

            MARA (V.O.)
            (quietly)
            It never goes out.

            TOM
            Never?

            MARA ^
            Never.

            /* old line */

            >CUT TO:

            EXT. CLIFF PATH - DAY

            Tom runs with the rope.

            @McCLANE
            Yippee.

            ===

            > THE END <
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void production() throws IOException {
        Files.writeString(dir.resolve("slate.yaml"), "title: The Keeper\nid: keeper\nscreenplay: screenplay.fountain\n");
        Files.writeString(dir.resolve("screenplay.fountain"), SCRIPT);
        Files.createDirectories(dir.resolve("bible"));
        Files.writeString(dir.resolve("bible/props.yaml"), "LANTERN: { description: brass lantern }\n"
                + "ROPE: { description: wet rope }\nANCHOR: { description: never named }\n");
        Files.writeString(dir.resolve("bible/characters.yaml"), "MARA: { name: Mara }\nTOM: { name: Tom }\n");
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1A\nshots:\n"
                + "  - { id: A, framing: WS, camera: { at: [0, 0], lens: 35, look_at: [0, 5] }, duration: 4.0 }\n"
                + "  - { id: B, framing: MS, camera: { at: [0, 1], lens: 50, look_at: [0, 5] }, duration: 2.5 }\n");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void scriptJsonHasTheShapeOfIssueSix() throws IOException {
        assertThat(run("script", dir.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode root = json();
        assertThat(root.get("title_page").get("Title").asText()).isEqualTo("The Keeper");
        List<String> types = new ArrayList<>();
        root.get("elements").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("section", "synopsis", "scene_heading", "action", "note", "character",
                "parenthetical", "dialogue", "character", "dialogue", "character", "dialogue", "boneyard",
                "transition", "scene_heading", "action", "character", "dialogue", "page_break", "centered");
        JsonNode elements = root.get("elements");
        assertThat(elements.get(0).get("depth").asInt()).isEqualTo(1);
        JsonNode heading = elements.get(2);
        assertThat(heading.get("scene_number").asText()).isEqualTo("1A");
        assertThat(heading.get("line").asInt()).isEqualTo(7);
        assertThat(heading.get("text").asText()).isEqualTo("INT. LIGHTHOUSE - LAMP ROOM - NIGHT");
        assertThat(elements.get(5).get("extension").asText()).isEqualTo("V.O.");
        assertThat(elements.get(5).get("name").asText()).isEqualTo("MARA");
        assertThat(elements.get(8).get("dual").asText()).isEqualTo("left");
        assertThat(elements.get(10).get("dual").asText()).isEqualTo("right");
        assertThat(elements.get(13).get("forced").asBoolean()).isTrue();
        assertThat(elements.get(16).get("forced").asBoolean()).isTrue();
        assertThat(elements.get(3).has("forced")).isFalse();
        assertThat(root.get("diagnostics").isArray()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void scriptTextListsElementsWithLines() {
        assertThat(run("script", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Title: The Keeper").contains("7:1  scene_heading INT. LIGHTHOUSE")
                .contains("2 scenes");
    }

    @Test
    void scriptReadsABareFountainFileAndWarnsAboutLatin1() throws IOException {
        Path file = dir.resolve("old.fountain");
        Files.write(file, "INT. CAF\u00c9 - DAY\n\nRen\u00e9e.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("script", file.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(json().get("elements").get(0).get("text").asText()).isEqualTo("INT. CAF\u00c9 - DAY");
        assertThat(err.toString()).startsWith("old.fountain:1:9: warning syntax/fountain:");
    }

    @Test
    void breakdownJsonCarriesScenesAndTotals() throws IOException {
        assertThat(run("breakdown", dir.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode root = json();
        JsonNode one = root.get("scenes").get(0);
        assertThat(one.get("number").asText()).isEqualTo("1A");
        assertThat(one.get("int_ext").asText()).isEqualTo("INT");
        assertThat(one.get("location").asText()).isEqualTo("LIGHTHOUSE - LAMP ROOM");
        assertThat(one.get("time").asText()).isEqualTo("NIGHT");
        assertThat(one.get("eighths").asInt()).isPositive();
        assertThat(one.get("speaking_cast").toString()).isEqualTo("[\"MARA\",\"TOM\"]");
        assertThat(one.get("props").toString()).isEqualTo("[\"LANTERN\"]");
        assertThat(one.get("words").get("MARA").asInt()).isEqualTo(5);
        assertThat(one.get("shots").get("count").asInt()).isEqualTo(2);
        assertThat(one.get("shots").get("seconds").asDouble()).isEqualTo(6.5);
        assertThat(one.get("strip").asText()).isEqualTo("blue");
        JsonNode two = root.get("scenes").get(1);
        assertThat(two.get("non_speaking_cast").toString()).isEqualTo("[\"TOM\"]");
        assertThat(two.get("props").toString()).isEqualTo("[\"ROPE\"]");
        assertThat(two.has("shots")).isFalse();
        JsonNode totals = root.get("totals");
        assertThat(totals.get("scenes").asInt()).isEqualTo(2);
        assertThat(totals.get("eighths").asInt()).isEqualTo(one.get("eighths").asInt() + two.get("eighths").asInt());
        assertThat(totals.get("pages").asInt()).isEqualTo(2);
        assertThat(totals.get("day_night").get("day").asInt()).isEqualTo(1);
        assertThat(totals.get("int_ext").get("ext").asInt()).isEqualTo(1);
        assertThat(totals.get("cast").get(0).get("character").asText()).isEqualTo("TOM");
        assertThat(totals.get("planned_shots").asInt()).isEqualTo(2);
    }

    @Test
    void breakdownTextCsvAndHtml() throws IOException {
        assertThat(run("breakdown", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Scene 1A").contains("shots planned: 2, 0:07").contains("Cast:");

        Path csv = dir.resolve("out/breakdown.csv");
        assertThat(run("breakdown", dir.toString(), "--format", "csv", "--out", csv.toString())).isEqualTo(0);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("scene,heading,int_ext,location,time,eighths");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("1A,INT. LIGHTHOUSE - LAMP ROOM - NIGHT,INT,LIGHTHOUSE - LAMP ROOM,NIGHT,");

        Path html = dir.resolve("strips.html");
        assertThat(run("breakdown", dir.toString(), "--format", "html", "--out", html.toString())).isEqualTo(0);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<tr class=\"blue\"").contains("<tr class=\"yellow\"")
                .contains("sortStrips('location')").contains("data-location=\"CLIFF PATH\"");
    }

    @Test
    void htmlEscapesWhatTheScriptSays() throws IOException {
        Files.writeString(dir.resolve("screenplay.fountain"), "INT. <SCRIPT> & \"CO\" - DAY\n\nHi.\n");
        assertThat(run("breakdown", dir.toString(), "--format", "html")).isEqualTo(0);
        assertThat(out.toString()).contains("&lt;SCRIPT&gt; &amp; &quot;CO&quot;").doesNotContain("<SCRIPT>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "breakdown"})
    void missingThingsAreOneSentenceAndExitTwo(String command) throws IOException {
        assertThat(run(command, dir.resolve("nope").toString())).isEqualTo(ExitCode.CANNOT_RUN);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run(command, empty.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        Files.writeString(empty.resolve("slate.yaml"), "title: x\n");
        assertThat(run(command, empty.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        Files.writeString(empty.resolve("slate.yaml"), "screenplay: missing.fountain\n");
        assertThat(run(command, empty.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run(command, dir.toString(), "--format", "pdf")).isEqualTo(ExitCode.CANNOT_RUN);
        String[] lines = err.toString().split("\n");
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("slate: ").doesNotContain("Exception")
                .doesNotContain("\tat "));
        assertThat(lines[0]).contains("does not exist");
        assertThat(lines[1]).contains("no slate.yaml");
        assertThat(lines[2]).contains("names no screenplay");
        assertThat(lines[3]).contains("missing.fountain");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBrokenManifestIsAnInvalidProduction() throws IOException {
        Files.writeString(dir.resolve("slate.yaml"), "screenplay: [unclosed\n");
        assertThat(run("breakdown", dir.toString())).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(err.toString()).startsWith("slate: ").contains("slate.yaml does not parse");
    }

    @Test
    void aBrokenBibleFileIsLeftOutWithAWarning() throws IOException {
        Files.writeString(dir.resolve("bible/props.yaml"), "LANTERN: [\n");
        assertThat(run("breakdown", dir.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("warning").contains("props.yaml");
        assertThat(json().get("scenes").get(0).get("props").size()).isZero();
    }

    @Test
    void anUnwritableOutIsAnIoError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(run("breakdown", dir.toString(), "--out", file.resolve("sub/out.txt").toString()))
                .isEqualTo(ExitCode.IO);
        assertThat(err.toString()).startsWith("slate: cannot write");
    }

    @Test
    void helpNamesBothCommands() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("script").contains("breakdown");
    }
}
