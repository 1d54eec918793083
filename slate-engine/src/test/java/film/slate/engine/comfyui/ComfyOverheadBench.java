package film.slate.engine.comfyui;

import film.slate.engine.testing.BackendBuild;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a timed test: the overhead per take through the ComfyUI backend against an instant server
 * (no previz conditioning bound, so only the protocol and normalisation count). Run with
 * {@code mvn -o -pl slate-engine test -Dtest=ComfyOverheadBench -Dslate.bench=true}.
 */
@EnabledIfSystemProperty(named = "slate.bench", matches = "true")
class ComfyOverheadBench {
    @TempDir
    Path tmp;

    @Test
    void overhead() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.renderMs = 0;
            for (int jobs : new int[] {1, 8}) {
                Path dir = ComfyProduction.write(tmp.resolve("p" + jobs), 4, 10, "url: " + comfy.url(),
                        "").resolve("");
                java.nio.file.Files.writeString(dir.resolve("slate.yaml"), java.nio.file.Files.readString(
                        dir.resolve("slate.yaml")).replace("control: /10/inputs/image", ""));
                BackendBuild.Result r = BackendBuild.run(dir, jobs);
                report("comfyui", jobs, r);
            }
        }
    }

    static void report(String backend, int jobs, BackendBuild.Result r) {
        int n = r.summary().rendered();
        double s = r.summary().time().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %s jobs=%d takes=%d failed=%d wall=%.2fs ms/take=%.1f takes/s=%.2f%n",
                backend, jobs, n, r.summary().failed(), s, 1000 * s / Math.max(1, n), n / s);
    }
}
