package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11 at the command line: dialogue numbers, Final Draft in and out, the cast report. */
class ScriptFormatsTest {
    private static final String SCRIPT = """
            Title: The Keeper

            INT. LIGHTHOUSE - LAMP ROOM - NIGHT

            MARA lights the lantern. TOM watches. A KEEPER (70s) dozes. The kid hides. A voice calls.

            MARA
            It never goes out.

            TOM
            Never?

            MARA (CONT'D)
            Never.

            TOM
            Then why--

            MARA ^
            Listen.

            EXT. CLIFF PATH - CONTINUOUS

            Tom runs. The KEEPER wakes. A voice: the kid.

            KID
            Wait!
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void production() throws IOException {
        Files.writeString(dir.resolve("slate.yaml"), "title: The Keeper\nid: keeper\nscreenplay: screenplay.fountain\n");
        Files.writeString(dir.resolve("screenplay.fountain"), SCRIPT);
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nshots:\n"
                + "  - { id: A, framing: WS, camera: { at: [0, 0], lens: 35, look_at: [0, 5] }, duration: 9.0,"
                + " lines: [1, 3] }\n");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void scriptNumbersDialogueBlocksAsShotsFilesAndCheckCountThem() throws IOException {
        assertThat(run("script", dir.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        List<String> cues = new ArrayList<>();
        json().get("elements").forEach(e -> {
            if (e.has("block")) {
                cues.add(e.get("block").asInt() + " " + e.get("text").asText());
            }
        });
        assertThat(cues).containsExactly("1 MARA", "2 TOM", "3 MARA (CONT'D)", "4 TOM", "5 MARA", "1 KID");
        JsonNode scene = json().get("scenes").get(0);
        assertThat(scene.get("dialogue").get(2).get("text").asText()).isEqualTo("Never.");

        run("check", dir.toString());
        List<Integer> uncovered = new ArrayList<>();
        Matcher m = Pattern.compile("dialogue block (\\d+) of scene 1 \\((\\w+)\\)").matcher(out.toString());
        while (m.find()) {
            uncovered.add(Integer.parseInt(m.group(1)));
        }
        assertThat(uncovered).containsExactlyInAnyOrder(2, 4, 5); // lines: [1, 3] covers MARA and MARA (CONT'D)

        assertThat(run("script", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("[scene 1]").contains("MARA (CONT'D)   [block 3 (CONT'D)]")
                .contains("[scene 2]");
    }

    @Test
    void finalDraftConvertsBothWaysAndEveryCommandReadsIt() throws IOException {
        assertThat(run("script", dir.resolve("screenplay.fountain").toString(), "--format", "fdx")).isZero();
        String fdx = out.toString();
        assertThat(fdx).startsWith("<?xml").contains("<Paragraph Type=\"Character\">");
        Files.writeString(dir.resolve("screenplay.fdx"), fdx);
        assertThat(run("script", dir.resolve("screenplay.fountain").toString(), "--format", "fountain")).isZero();
        String fountain = out.toString();
        assertThat(run("script", dir.resolve("screenplay.fdx").toString(), "--format", "fountain")).isZero();
        assertThat(out.toString()).isEqualTo(fountain);

        assertThat(run("breakdown", dir.toString(), "--format", "json")).isZero();
        String fromFountain = json().get("scenes").toString();
        Files.writeString(dir.resolve("slate.yaml"), "title: The Keeper\nid: keeper\nscreenplay: screenplay.fdx\n");
        assertThat(run("breakdown", dir.toString(), "--format", "json")).isZero();
        JsonNode fromFdx = json().get("scenes");
        assertThat(fromFdx.get(0).get("line").asInt()).isPositive();
        assertThat(fromFdx.get(0).get("speaking_cast").toString())
                .isEqualTo(new ObjectMapper().readTree(fromFountain).get(0).get("speaking_cast").toString());
        assertThat(run("check", dir.toString())).isNotEqualTo(ExitCode.CANNOT_RUN);
        assertThat(out.toString()).contains("dialogue block 2 of scene 1 (TOM)").contains("screenplay.fdx:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "breakdown"})
    void malformedFinalDraftIsOneSentenceWithTheLineAndExitTwo(String command) throws IOException {
        Path bad = dir.resolve("bad.fdx");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\">"
                + "<Text>Rain</Paragraph>\n</Content>\n</FinalDraft>\n");
        assertThat(run(command, bad.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(err.toString()).startsWith("slate: bad.fdx:4:").contains("not well-formed XML")
                .doesNotContain("Exception").hasLineCount(1);

        Files.writeString(dir.resolve("slate.yaml"), "title: The Keeper\nid: keeper\nscreenplay: bad.fdx\n");
        assertThat(run(command, dir.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(err.toString()).startsWith("slate: bad.fdx:4:").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void castReportListsScenesPagesAndFirstAndLastAppearanceInBillingOrder() throws IOException {
        assertThat(run("breakdown", dir.toString(), "--report", "cast", "--format", "csv")).isZero();
        List<String> rows = out.toString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("number,character,scenes,speaking_scenes,eighths,pages,first_scene,"
                + "last_scene,words,scene_numbers");
        assertThat(rows.subList(1, rows.size())).extracting(r -> String.join(",", List.of(r.split(",")).subList(0, 4)))
                .containsExactly("1,TOM,2,1", "2,KEEPER,2,0", "3,MARA,1,1", "4,KID,1,1");
        assertThat(rows.get(1)).endsWith(",1,2,3,1;2"); // first 1, last 2, 3 words, in scenes 1 and 2
    }

    @Test
    void castReportHtmlAndStripboardShowCastNumbers() throws IOException {
        assertThat(run("breakdown", dir.toString(), "--report", "cast", "--format", "html")).isZero();
        assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("<td>KEEPER</td>");
        assertThat(run("breakdown", dir.toString(), "--format", "html")).isZero();
        assertThat(out.toString()).contains("<td class=\"cast\" title=\"MARA, TOM; (KEEPER)\">1, 2, 3</td>")
                .contains("CONTINUOUS");
        assertThat(run("breakdown", dir.toString(), "--report", "cast")).isZero();
        assertThat(out.toString()).contains("MARA").contains("Scenes in");
    }
}
