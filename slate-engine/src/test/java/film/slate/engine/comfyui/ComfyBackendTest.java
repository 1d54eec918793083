package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.engine.build.BuildEvent;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.VideoInfo;
import film.slate.store.db.TakeRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ComfyUI backend end to end: the real Builder, real previz, a fake ComfyUI that speaks the protocol. */
class ComfyBackendTest {
    @TempDir
    Path tmp;

    @Test
    void rendersEachTakeOnceConditionedOnPrevizAndNormalisedToTheProductionFormat() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 2, "url: " + comfy.url(), "");
            var r = ComfyProduction.build(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4); // two comfy takes and their two previz takes
            assertThat(comfy.duplicates).isEmpty();
            assertThat(comfy.submissions).hasSize(2).allSatisfy((k, n) -> assertThat(n.get()).isEqualTo(1));
            assertThat(comfy.uploads).hasSize(2).allSatisfy(u -> assertThat(u).startsWith("slate-control-"));
            for (TakeRecord t : r.store().takes().ofAll()) {
                if (!t.backend().equals("main")) {
                    continue;
                }
                var recipe = r.store().recipes().get(t.recipe()).orElseThrow();
                assertThat(recipe.json().path("backend").path("version").asText())
                        .startsWith("comfyui 0.3.40 torch 2.6.0+cu124 workflow ");
                assertThat(t.proxy()).isPresent();
                VideoInfo info = Ffmpeg.find().probe(r.store().objects().path(t.master().orElseThrow()));
                assertThat(info.codec()).isEqualTo("ffv1");
                assertThat(info.width()).isEqualTo(64);
                assertThat(info.height()).isEqualTo(36);
                assertThat(info.fps()).isEqualTo(12.0);
                assertThat(info.frames()).isEqualTo(recipe.frames());
            }
            // a second build renders nothing and asks the server for nothing but its version
            int before = comfy.submissionsTotal();
            var again = ComfyProduction.build(dir, 2);
            assertThat(again.summary().rendered()).isZero();
            assertThat(comfy.submissionsTotal()).isEqualTo(before);
        }
    }
}
