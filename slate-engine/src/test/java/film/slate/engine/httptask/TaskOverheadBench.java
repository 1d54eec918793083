package film.slate.engine.httptask;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.comfyui.ComfyOverheadReport;
import film.slate.engine.testing.BackendBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Not a timed test: overhead per take through the http-task and command backends with instant work. */
@EnabledIfSystemProperty(named = "slate.bench", matches = "true")
class TaskOverheadBench {
    @TempDir
    Path tmp;

    @Test
    void overhead() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi("sk-bench-000000")) {
            api.pollsUntilDone = 1;
            for (int jobs : new int[] {1, 8}) {
                Path dir = SyntheticProduction.write(tmp.resolve("t" + jobs), 4, 10, "http-task", """
                        url: %s/v1/tasks
                        api_key_env: K
                        headers: { Authorization: "Bearer ${api_key}" }
                        request: { prompt: "${prompt}", seed: "${seed}" }
                        id: /id
                        poll: %s/v1/tasks/{id}
                        status: /status
                        result: /output
                        poll_interval: 0.01
                        concurrency: 8
                        """.formatted(api.url(), api.url()));
                ComfyOverheadReport.report("http-task", jobs, BackendBuild.run(dir, jobs,
                        new HttpTaskGenerator.Provider(Map.of("K", "sk-bench-000000")::get)));
            }
        }
        for (int jobs : new int[] {1, 8}) {
            Path dir = SyntheticProduction.write(tmp.resolve("c" + jobs), 4, 10, "command",
                    "command: [tools/render.sh]\nconcurrency: 8\n");
            Files.createDirectories(dir.resolve("tools"));
            Path png = dir.resolve("tools/frame.png");
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 36, 5), "png", png.toFile());
            Path sh = dir.resolve("tools/render.sh");
            Files.writeString(sh, "#!/bin/sh\ncp \"$SLATE_PRODUCTION_DIR/tools/frame.png\" \"$SLATE_OUTPUT_DIR/\"\n");
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
            ComfyOverheadReport.report("command", jobs, BackendBuild.run(dir, jobs));
        }
    }
}
