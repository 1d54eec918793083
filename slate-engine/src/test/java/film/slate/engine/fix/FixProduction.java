package film.slate.engine.fix;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.Backends;
import film.slate.engine.comfyui.FakeComfy;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.BackendBuild;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * A synthetic production (64x36, 12 fps, one-second shots) rendered with previz, with two more
 * backends for fixes: {@code noise}, a command that paints random pixels over the whole picture,
 * and {@code comfy}, the fake ComfyUI server speaking the real protocol (the mask bound to a
 * LoadImage node).
 */
final class FixProduction implements AutoCloseable {
    static final String WORKFLOW = """
            {
              "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
              "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
              "10": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 36, "batch_size": 1}},
              "3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "cfg": 7, "sampler_name": "euler",
                    "scheduler": "normal", "denoise": 1, "model": ["4", 0], "positive": ["6", 0], "negative": ["6", 0],
                    "latent_image": ["5", 0]}},
              "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
              "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "slate", "images": ["8", 0]}}
            }
            """;

    final Path dir;
    final FakeComfy comfy;
    final Store store;
    final Backends backends;

    private FixProduction(Path dir, FakeComfy comfy, Store store, Backends backends) {
        this.dir = dir;
        this.comfy = comfy;
        this.store = store;
        this.backends = backends;
    }

    /** Writes the production into {@code dir} and renders every take with previz. */
    static FixProduction open(Path dir, int scenes, int shots) throws Exception {
        FakeComfy comfy = new FakeComfy();
        SyntheticProduction.write(dir, scenes, shots, "previz", "");
        String yaml = Files.readString(dir.resolve("slate.yaml")) + """
                  noise:
                    type: command
                    command: [tools/noise.sh]
                    inputs: [source, mask, mask_video]
                  comfy:
                    type: comfyui
                    url: %s
                    workflow: workflows/fix.json
                    request_timeout: 5
                    poll_interval: 0.02
                    bind:
                      prompt: /6/inputs/text
                      seed: /3/inputs/seed
                      width: /5/inputs/width
                      height: /5/inputs/height
                      frames: /5/inputs/batch_size
                      mask: /10/inputs/image
                """.formatted(comfy.url());
        Files.writeString(dir.resolve("slate.yaml"), yaml);
        Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(dir.resolve("workflows/fix.json"), WORKFLOW);
        Files.createDirectories(dir.resolve("tools"));
        Path sh = dir.resolve("tools/noise.sh");
        // Random bytes as raw video: a generator that changes every pixel on every pass (checks its inputs first).
        Files.writeString(sh, """
                #!/bin/sh
                for f in source.mkv mask.png mask_video.mkv; do
                  [ -s "$SLATE_INPUT_DIR/$f" ] || { echo "no $f" >&2; exit 9; }
                done
                LD_LIBRARY_PATH='%s' exec '%s' -v error -f rawvideo -pix_fmt rgb24 -s ${SLATE_WIDTH}x${SLATE_HEIGHT} -r $SLATE_FPS \\
                  -i /dev/urandom -frames:v $SLATE_FRAMES -c:v ffv1 "$SLATE_OUTPUT_DIR/noise.mkv"
                """.formatted(Path.of(Ffmpeg.find().executable()).getParent(), Ffmpeg.find().executable()),
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        BackendBuild.run(dir, 2).store().close();
        Production p = ProductionReader.read(dir).production();
        return new FixProduction(dir, comfy, Store.open(dir), new Backends(p, Generators.discover()));
    }

    /** The production in {@code dir}, written and rendered before (by {@link #open}), opened again. */
    static FixProduction reopen(Path dir) throws Exception {
        String url = Files.readString(dir.resolve("slate.yaml")).lines().filter(l -> l.strip().startsWith("url:"))
                .findFirst().orElseThrow();
        FakeComfy comfy = new FakeComfy();
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")).replace(url,
                "    url: " + comfy.url()));
        return new FixProduction(dir, comfy, Store.open(dir), new Backends(ProductionReader.read(dir).production(),
                Generators.discover()));
    }

    Fixer fixer(Consumer<Path> tap) {
        return new Fixer(store, backends, Ffmpeg.find(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                "test", tap);
    }

    @Override
    public void close() throws IOException {
        backends.close();
        store.close();
        comfy.close();
    }
}
