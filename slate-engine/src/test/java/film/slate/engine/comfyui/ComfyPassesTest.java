package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
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
            // Files are uploaded once per content (slate-<hash>.png) and named at their pointers in every prompt.
            assertThat(comfy.uploads).doesNotHaveDuplicates();
            assertThat(comfy.accepted).isNotEmpty();
            for (JsonNode prompt : comfy.accepted) {
                for (String pointer : new String[] {"/9/inputs/filename_prefix", "/10/inputs/image"}) {
                    String named = prompt.path("prompt").at(JsonPointer.compile(pointer)).asText();
                    assertThat(named).as(pointer).matches("slate/slate-[0-9a-f]{16}\\.png");
                    assertThat(comfy.uploads).contains(named.substring("slate/".length()));
                }
                assertThat(prompt.path("prompt").at("/7/inputs/text").isTextual()).isTrue();
            }
        }
    }
}
