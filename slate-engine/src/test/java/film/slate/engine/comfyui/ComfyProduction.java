package film.slate.engine.comfyui;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A synthetic production whose default backend is a ComfyUI server, and a build of it through the real Builder. */
final class ComfyProduction {
    static final String WORKFLOW = """
            {
              "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
              "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
              "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
              "10": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "11": {"class_type": "ControlNetLoader", "inputs": {"control_net_name": "depth.safetensors"}},
              "12": {"class_type": "ControlNetApply", "inputs": {"conditioning": ["6", 0], "control_net": ["11", 0],
                     "image": ["10", 0], "strength": 0.8}},
              "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1280, "height": 720, "batch_size": 1}},
              "3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "cfg": 7, "sampler_name": "euler",
                    "scheduler": "normal", "denoise": 1, "model": ["4", 0], "positive": ["12", 0], "negative": ["7", 0],
                    "latent_image": ["5", 0]}},
              "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
              "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "slate", "images": ["8", 0]}}
            }
            """;

    static final String BIND = """
            bind:
              prompt: /6/inputs/text
              negative: /7/inputs/text
              seed: /3/inputs/seed
              width: /5/inputs/width
              height: /5/inputs/height
              frames: /5/inputs/batch_size
              control: /10/inputs/image
            """;

    private ComfyProduction() {
    }

    /** {@code urls} is the YAML of the server part ({@code url: ...} or {@code urls: [...]}). */
    static Path write(Path dir, int scenes, int shots, String urls, String extra) throws IOException {
        String settings = urls + "\nworkflow: workflows/shot.json\nrequest_timeout: 0.5\npoll_interval: 0.02\n"
                + "unreachable_grace: 1.5\nretries: 6\n" + BIND + extra;
        SyntheticProduction.write(dir, scenes, shots, "comfyui", settings);
        Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(dir.resolve("workflows/shot.json"), WORKFLOW);
        return dir;
    }

    record Result(BuildSummary summary, List<BuildEvent> events, Store store) {
        List<BuildEvent> of(BuildEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }
    }

    static Result build(Path dir, int jobs) throws Exception {
        Production p = ProductionReader.read(dir).production();
        Store store = Store.open(dir);
        try (Backends backends = new Backends(p, Generators.discover())) {
            String name = backends.resolveName(java.util.Optional.empty());
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target(name), ShotSelector.all(),
                    java.util.Optional.empty(), store);
            List<BuildEvent> events = new CopyOnWriteArrayList<>();
            BuildOptions options = BuildOptions.defaults().withJobs(jobs).withRetryBase(Duration.ofMillis(20));
            BuildSummary s = new Builder(store, backends, options).run(plan, events::add);
            return new Result(s, events, store);
        }
    }

    /** Every byte under {@code .slate/} and in the outputs, as one Latin-1 string (for greps). */
    static String storeBytes(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir.resolve(".slate"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return b.toString();
    }
}
