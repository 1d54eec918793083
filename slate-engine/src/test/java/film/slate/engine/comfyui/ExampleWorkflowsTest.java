package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example's commented-out ComfyUI backends stay in step with their workflows: uncommented, each
 * checks clean of errors (every bind key known, every pointer in its workflow, every bound
 * reference an image), each workflow is in API format with links to nodes it has, and the
 * core-node ones use only nodes every ComfyUI server has.
 */
class ExampleWorkflowsTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");
    static final Set<String> CORE = Set.of("LoadImage", "LoadImageMask", "MaskToImage", "ImageBatch", "SaveImage");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"comfy", "wan", "refs", "passes"})
    void eachCommentedOutBackendChecksCleanOnceUncommented(String backend) throws Exception {
        Path dir = copy(EXAMPLE, tmp.resolve("p"));
        Files.writeString(dir.resolve("slate.yaml"), uncomment(Files.readString(dir.resolve("slate.yaml")), backend));
        ReadProduction read = ProductionReader.read(dir);
        assertThat(read.production().manifest().backends()).containsKey(backend);
        List<Diagnostic> errors = Checker.check(read).stream().filter(Diagnostic::isError).toList();
        assertThat(errors).as("errors with the backend %s", backend).isEmpty();

        String workflow = read.production().manifest().backends().get(backend).settings().get("workflow")
                .map(n -> ((film.slate.core.yaml.YamlScalar) n).text()).orElseThrow();
        JsonNode graph = JSON.readTree(dir.resolve(workflow).toFile());
        graph.properties().forEach(node -> {
            assertThat(node.getValue().path("class_type").isTextual()).as(node.getKey()).isTrue();
            node.getValue().path("inputs").properties().forEach(in -> {
                if (in.getValue().isArray()) {
                    assertThat(graph.has(in.getValue().get(0).asText())).as("link of %s.%s", node.getKey(), in.getKey())
                            .isTrue();
                }
            });
            if (workflow.endsWith("_core.json")) {
                assertThat(CORE).contains(node.getValue().path("class_type").asText());
            }
        });
    }

    /** slate.yaml with the block of {@code backend} (under backends:, written as comments) uncommented. */
    static String uncomment(String yaml, String backend) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("  # " + backend + ":")) {
                in = true;
                out.add("  " + backend + ":");
                continue;
            }
            if (in && line.startsWith("  #   ")) {
                out.add("  " + line.substring(4));
                continue;
            }
            in = false;
            out.add(line);
        }
        return String.join("\n", out);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(f -> !from.relativize(f).startsWith(".slate")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
