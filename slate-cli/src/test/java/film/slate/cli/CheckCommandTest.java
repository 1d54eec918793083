package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.diagnostic.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slate check} end to end through {@link Main#run}: exit codes, and the three formats' exact shapes. */
class CheckCommandTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Shot 2E of the example, over Mara's shoulder, moved to the far side of the Tom-Mara line. */
    static final String GOOD_2E = "at: [3.2, 2.8]";
    static final String CROSSED_2E = "at: [2.0, 3.8]";

    record Result(int exit, String out, String err) {
    }

    static Result slate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    Path broken;

    @BeforeEach
    void copyTheExampleAndCrossTheLine(@TempDir Path dir) throws IOException {
        broken = dir.resolve("lighthouse");
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : walk.toList()) {
                Path to = broken.resolve(EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path shots = broken.resolve("shots/002.yaml");
        String text = Files.readString(shots);
        assertThat(text).contains(GOOD_2E);
        Files.writeString(shots, text.replace(GOOD_2E, CROSSED_2E));
    }

    /** {@code line:column} of the crossed camera's position in the broken shots file. */
    String crossedPosition() throws IOException {
        List<String> lines = Files.readAllLines(broken.resolve("shots/002.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(CROSSED_2E);
            if (at >= 0) {
                return (i + 1) + ":" + (at + "at: ".length() + 1);
            }
        }
        throw new AssertionError("no crossed camera");
    }

    @Test
    void theExampleChecksClean() {
        Result r = slate("check", EXAMPLE.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("0 errors, 0 warnings, 0 infos\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBrokenProductionExitsOneWithCompilerStyleLines() throws IOException {
        Result r = slate("check", broken.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("shots/002.yaml:" + crossedPosition() + ": error grammar/180: shot 2/2E puts the camera"));
        assertThat(lines.subList(0, lines.size() - 1)).filteredOn(l -> !l.startsWith("    fix: ")) // a quick fix, under its finding
                .allMatch(l -> l.matches("[^:]+(:\\d+:\\d+)?: (error|warning|info) [a-z0-9]+/[a-z0-9-]+: .+"), "compiler style");
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ errors?, \\d+ warnings?, \\d+ infos?");
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() throws IOException {
        Result r = slate("check", broken.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        JsonNode root = JSON.readTree(r.out());
        assertThat(names(root)).containsExactly("diagnostics", "summary");
        assertThat(root.get("diagnostics").isArray()).isTrue();
        assertThat(root.get("diagnostics")).isNotEmpty().allSatisfy(d -> {
            assertThat(names(d)).containsExactly("rule", "severity", "file", "line", "column", "shot", "message");
            assertThat(Rule.byId(d.get("rule").asText())).isPresent();
            assertThat(d.get("severity").asText()).isIn("error", "warning", "info");
            assertThat(d.get("file").isTextual()).isTrue();
            assertThat(d.get("line").isInt()).isTrue();
            assertThat(d.get("column").isInt()).isTrue();
            assertThat(d.get("shot").isTextual() || d.get("shot").isNull()).isTrue();
            assertThat(d.get("message").asText()).isNotBlank();
        });
        String[] at = crossedPosition().split(":");
        assertThat(root.get("diagnostics")).anySatisfy(d -> {
            assertThat(d.get("rule").asText()).isEqualTo("grammar/180");
            assertThat(d.get("severity").asText()).isEqualTo("error");
            assertThat(d.get("file").asText()).isEqualTo("shots/002.yaml");
            assertThat(d.get("line").asInt()).isEqualTo(Integer.parseInt(at[0]));
            assertThat(d.get("column").asInt()).isEqualTo(Integer.parseInt(at[1]));
            assertThat(d.get("shot").asText()).isEqualTo("2/2E");
        });
        JsonNode summary = root.get("summary");
        assertThat(names(summary)).containsExactly("errors", "warnings", "infos");
        long errors = count(root, "error");
        assertThat(summary.get("errors").asLong()).isEqualTo(errors).isPositive();
        assertThat(summary.get("warnings").asLong()).isEqualTo(count(root, "warning"));
        assertThat(summary.get("infos").asLong()).isEqualTo(count(root, "info"));
    }

    @Test
    void jsonOfACleanProductionHasAnEmptyList() throws IOException {
        Result r = slate("check", EXAMPLE.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("diagnostics")).isEmpty();
        assertThat(root.get("summary").toString()).isEqualTo("{\"errors\":0,\"warnings\":0,\"infos\":0}");
    }

    @Test
    void sarifIsStructurallyValid210() throws IOException {
        Result r = slate("check", broken.toString(), "--format", "sarif");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asText()).startsWith("https://").contains("sarif").endsWith(".json");
        assertThat(root.get("runs").isArray()).isTrue();
        assertThat(root.get("runs")).hasSize(1);
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.at("/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("slate");
        List<String> ruleIds = new ArrayList<>();
        driver.get("rules").forEach(rule -> {
            assertThat(rule.get("id").asText()).isNotBlank();
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("error", "warning", "note");
            ruleIds.add(rule.get("id").asText());
        });
        assertThat(ruleIds).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Stream.of(Rule.values()).map(Rule::id).toList());
        JsonNode results = run.get("results");
        assertThat(results.isArray()).isTrue();
        assertThat(results).isNotEmpty().allSatisfy(res -> {
            String id = res.get("ruleId").asText();
            assertThat(ruleIds).contains(id);
            if (res.has("ruleIndex")) {
                assertThat(ruleIds.get(res.get("ruleIndex").asInt())).isEqualTo(id);
            }
            assertThat(res.get("level").asText()).isIn("error", "warning", "note");
            assertThat(res.at("/message/text").asText()).isNotBlank();
            JsonNode physical = res.at("/locations/0/physicalLocation");
            String uri = physical.at("/artifactLocation/uri").asText();
            assertThat(uri).isNotBlank().doesNotStartWith("/").doesNotContain("\\");
            if (physical.has("region")) {
                assertThat(physical.at("/region/startLine").asInt()).isPositive();
                assertThat(physical.at("/region/startColumn").asInt()).isPositive();
            }
        });
        int line = Integer.parseInt(crossedPosition().split(":")[0]);
        assertThat(results).anySatisfy(res -> {
            assertThat(res.get("ruleId").asText()).isEqualTo("grammar/180");
            assertThat(res.get("level").asText()).isEqualTo("error");
            assertThat(res.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("shots/002.yaml");
            assertThat(res.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(line);
        });
    }

    @Test
    void noSuchFolderExitsTwoWithOneSentence(@TempDir Path dir) {
        Result r = slate("check", dir.resolve("nowhere").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.out()).isEmpty();
        assertOneSentence(r.err());
    }

    @Test
    void aFolderWithoutSlateYamlExitsTwo(@TempDir Path dir) {
        Result r = slate("check", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.out()).isEmpty();
        assertOneSentence(r.err());
        assertThat(r.err()).contains("slate.yaml");
    }

    @Test
    void anUnknownFormatExitsTwo() {
        Result r = slate("check", EXAMPLE.toString(), "--format", "xml");
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertOneSentence(r.err());
    }

    private static void assertOneSentence(String err) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").startsWith("slate");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static long count(JsonNode root, String severity) {
        return root.get("diagnostics").findValuesAsText("severity").stream().filter(severity::equals).count();
    }
}
