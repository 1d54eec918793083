package film.slate.engine.comfyui;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.testing.BackendBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A synthetic production whose default backend is a ComfyUI server, and a build of it through the real Builder. */
public final class ComfyProduction {
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
    public static Path write(Path dir, int scenes, int shots, String urls, String extra) throws IOException {
        String settings = urls + "\nworkflow: workflows/shot.json\nrequest_timeout: 2\npoll_interval: 0.02\n"
                + "unreachable_grace: 1.5\nretries: 6\n" + BIND + extra;
        SyntheticProduction.write(dir, scenes, shots, "comfyui", settings);
        Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(dir.resolve("workflows/shot.json"), WORKFLOW);
        return dir;
    }

    static BackendBuild.Result build(Path dir, int jobs) throws Exception {
        return BackendBuild.run(dir, jobs);
    }
}
