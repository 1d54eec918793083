package film.slate.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.BackendConfig;
import film.slate.core.read.ProductionReader;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.previz.PrevizGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each backend's provider checks its own settings, found through the generator SPI: what
 * {@code slate check} says about a backend comes from the engine, at its line in slate.yaml
 * (the synthetic manifest's backend stands on line 8, its type on 9, its settings from 10).
 */
class ProviderChecksTest {
    @TempDir
    Path tmp;

    private static final String WORKFLOW = """
            {"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
             "10": {"class_type": "LoadImage", "inputs": {"image": ""}},
             "11": {"class_type": "LoadImage", "inputs": {"image": ""}}}
            """;

    private List<String> findings(String type, String settings) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, type, settings);
        Files.writeString(dir.resolve("workflow.json"), WORKFLOW);
        return ProductionReader.read(dir).diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.position().file() + ":" + d.position().line() + " " + d.rule().id() + " " + d.message())
                .toList();
    }

    @Test
    void anUnknownTypeIsReportedAtItsLineWithTheTypesTheProvidersServe() throws Exception {
        assertThat(findings("comfy", "url: http://127.0.0.1:8188\n")).singleElement().asString()
                .startsWith("slate.yaml:9 ")
                .endsWith("'type' of backend main is 'comfy'; a backend type is one of previz, comfyui, command, http-task");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "comfyui   | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind: { prompt: /6/inputs/text }\n'",
        "command   | 'command: [tools/render.sh]\ninputs: [control, reference]\n'",
        "command   | 'command: [tools/render.sh]\ninputs: [reference.MARA, reference.2, location_reference, prop_reference.LANTERN]\n'",
        "comfyui   | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind:\n  reference.TOM: /10/inputs/image\n  references: [/11/inputs/image]\n'",
        "http-task | 'url: https://x.test/v1\nrequest: {}\nid: /id\npoll: https://x.test/v1/{id}\nstatus: /s\nresult: /r\n'",
        "previz    | 'burn_in: true\n'",
    })
    void settingsEachProviderKnowsPass(String type, String settings) throws Exception {
        assertThat(findings(type, settings.replace("\\n", "\n"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind: { prompt: /7/inputs/text }\n' | 12"
                + " | bind 'prompt' points at /7/inputs/text, which the workflow workflow.json lacks",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind: { promt: /6/inputs/text }\n' | 12"
                + " | 'bind' of backend main names 'promt', which no recipe has",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: missing.json\n' | 11 | no file at 'missing.json'",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind:\n  references: [/6/inputs/text, /8/inputs/image]\n' | 13"
                + " | bind 'references' lists 2 pointers, but the workflow workflow.json has no node at its item 2, /8/inputs/image;"
                + " shorten the list to the workflow's nodes",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind:\n  references: /6/inputs/text\n' | 13"
                + " | bind 'references' of backend main is a list of JSON pointers",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind: { refrence.MARA: /6/inputs/text }\n' | 12"
                + " | names 'refrence.MARA', which no recipe has",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind:\n  prompt: /6/inputs/text\n  prompt.MARA: /6/inputs/text\n' | 14"
                + " | bind 'prompt.MARA' of backend main points at /6/inputs/text, which bind 'prompt' fills already; give each bind",
        "comfyui | 'url: http://127.0.0.1:8188\nworkflow: workflow.json\nbind:\n  reference.TOM: /10/inputs/image\n  references: [/11/inputs/image, /10/inputs/image]\n' | 14"
                + " | bind 'references[2]' of backend main points at /10/inputs/image, which bind 'reference.TOM' fills already",
        "comfyui | 'workflow: workflow.json\n' | 9 | backend main lacks the field 'url'",
        "command | 'command: [x]\ninputs: [control, depth]\n' | 11 | lists 'the text \"depth\"'; list files of control",
        "command | 'command: [x]\nworkdri: tools\n' | 11 | unknown field 'workdri' in backend main; did you mean 'workdir'?",
        "previz  | 'burn_in: true\nurl: http://x\n' | 11 | unknown field 'url' in backend main",
        "previz  | 'concurrency: 0\n' | 10 | 'concurrency' of backend main",
    })
    void eachProviderReportsItsOwnFieldsAtTheirLine(String type, String settings, int line, String message)
            throws Exception {
        assertThat(findings(type, settings.replace("\\n", "\n"))).singleElement().asString()
                .startsWith("slate.yaml:" + line + " ").contains(message);
    }

    @Test
    void aProviderThatChecksNothingAcceptsWhatIsWritten() throws Exception {
        GeneratorProvider standIn = new GeneratorProvider() {
            @Override
            public String type() {
                return "previz";
            }

            @Override
            public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
                throw new UnsupportedOperationException("only checked here");
            }
        };
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "previz", "anything: 1\n");
        BackendConfig backend = ProductionReader.read(dir).production().manifest().backends().get("main");
        Diagnostics lenient = new Diagnostics();
        new ProviderChecks(new Generators(Map.of()).with(standIn)).check(backend, null, lenient);
        assertThat(lenient.sorted()).isEmpty();
        Diagnostics strict = new Diagnostics();
        new ProviderChecks(new Generators(Map.of()).with(new PrevizGenerator.Provider())).check(backend, null, strict);
        assertThat(strict.sorted()).singleElement().asString().contains("unknown field 'anything'");
    }
}
