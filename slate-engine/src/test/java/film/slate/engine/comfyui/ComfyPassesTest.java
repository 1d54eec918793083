package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Sha256;
import film.slate.engine.build.BuildEvent;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
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

    /**
     * The bound videos (a character's mask video and the pose video) go up as their {@code .mov}
     * names, once per content hash, as QuickTime; the graph names them at the bound pointers; and
     * what the server received decodes, frame for frame, to the masks and skeletons previz draws
     * for one of the production's shots (whose frames all hold the first: the held-frame path).
     */
    @Test
    void maskAndPoseVideosAreUploadedOnceAsQuickTimeAndDecodeToWhatThePassDrew() throws Exception {
        String maskAt = "/9/inputs/filename_prefix";
        String poseAt = "/11/inputs/control_net_name"; // /10/inputs/image is the base bind control's
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 3, "url: " + comfy.url(),
                    "  mask_video.MARA: " + maskAt + "\n  pose_video: " + poseAt + "\n");
            var r = ComfyProduction.build(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(comfy.accepted).isNotEmpty();
            assertThat(comfy.uploads).doesNotHaveDuplicates();
            Production production = ProductionReader.read(dir).production();
            Previz previz = Previz.of(production);
            List<PrevizShot> shots = new ArrayList<>();
            for (Shot s : production.shots()) {
                for (int take = 1; take <= 2; take++) {
                    previz.shot(s.fullId(), take).ifPresent(shots::add);
                }
            }
            Ffmpeg ffmpeg = Ffmpeg.find();
            Set<String> named = new HashSet<>();
            for (JsonNode prompt : comfy.accepted) {
                Set<PrevizShot> drewMask = drawnBy(comfy, ffmpeg, prompt, maskAt, PixelFormat.GRAY8, shots,
                        shot -> i -> shot.masks(i).mask("MARA"));
                Set<PrevizShot> drewPose = drawnBy(comfy, ffmpeg, prompt, poseAt, PixelFormat.BGR24, shots,
                        shot -> shot::pose);
                drewMask.retainAll(drewPose);
                assertThat(drewMask).as("a shot whose mask of Mara and pose the two videos are").isNotEmpty();
                named.add(prompt.path("prompt").at(JsonPointer.compile(maskAt)).asText());
                named.add(prompt.path("prompt").at(JsonPointer.compile(poseAt)).asText());
            }
            assertThat(named.size()).as("a mask video and a pose video for each of the 3 shots").isEqualTo(6);
        }
    }

    /** The shots whose frames the video named at {@code pointer} of {@code prompt} decodes to, after checking its upload. */
    private Set<PrevizShot> drawnBy(FakeComfy comfy, Ffmpeg ffmpeg, JsonNode prompt, String pointer, PixelFormat as,
            List<PrevizShot> shots, java.util.function.Function<PrevizShot, IntFunction<BufferedImage>> frames)
            throws Exception {
        String named = prompt.path("prompt").at(JsonPointer.compile(pointer)).asText();
        assertThat(named).as(pointer).matches("slate/slate-[0-9a-f]{16}\\.mov");
        String name = named.substring("slate/".length());
        assertThat(comfy.uploads).as(pointer).containsOnlyOnce(name);
        assertThat(comfy.uploadTypes.get(name)).as(name).isEqualTo("video/quicktime");
        byte[] sent = comfy.uploaded("slate", name);
        assertThat(Sha256.hex(sent)).as("named by its content").startsWith(name.substring(6, 22));
        Path video = Files.write(tmp.resolve(name), sent);
        List<BufferedImage> got = VideoDecoder.readAll(ffmpeg, video, as);
        Set<PrevizShot> out = new HashSet<>();
        for (PrevizShot shot : shots) {
            IntFunction<BufferedImage> drawn = frames.apply(shot);
            boolean same = got.size() == shot.frames();
            for (int i = 0; same && i < got.size(); i++) {
                same = java.util.Arrays.equals(bytes(got.get(i)), bytes(drawn.apply(i)));
            }
            if (same) {
                out.add(shot);
            }
        }
        return out;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
