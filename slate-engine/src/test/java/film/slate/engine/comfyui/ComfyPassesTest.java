package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.engine.build.BuildEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow that binds previz's masks, pose and per-character prompts gets them uploaded and set, take by take. */
class ComfyPassesTest {
    @TempDir
    Path tmp;

    @Test
    void masksAndPoseAreUploadedAndPromptsSetForEveryTake() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 3, "url: " + comfy.url(),
                    "  mask.MARA: /9/inputs/filename_prefix\n  pose: /10/inputs/image\n  prompt.TOM: /7/inputs/text\n");
            var r = ComfyProduction.build(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(6);
            assertThat(comfy.uploads.stream().filter(u -> u.matches("slate-[0-9a-f]{16}-mask\\.MARA\\.png"))).hasSize(3);
            assertThat(comfy.uploads.stream().filter(u -> u.matches("slate-[0-9a-f]{16}-pose\\.png"))).hasSize(3);
        }
    }
}
