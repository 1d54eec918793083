package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.TestFilm;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passes drawn in the previz render's own frame loop are the very files the passes drawn on
 * their own make (same bytes: same pixels, deterministic FFV1), and the previz master beside them
 * is the one previz alone writes; a render asked for some videos writes those and no others. Tom
 * walks into the frame after the first frames, so his mask video starts with black frames.
 */
class PassesInPrevizLoopTest {
    private static final String SCENE = """
            scene: 1
            location: LAMP_ROOM
            time: DAY
            cast:
              MARA: { at: [3, 4], facing: 180 }
              TOM: { at: [5.9, 1.6], facing: 270 }
            shots:
              - id: 1
                framing: WS
                subjects: [MARA, TOM]
                camera: { at: [3, 1.5], height: 1.6, lens: 28, look_at: [3, 4, 1.2] }
                blocking: { TOM: { to: [4, 4] } }
                duration: 0.5
            """;

    @TempDir
    Path dir;

    @Test
    void passesInThePrevizLoopAreThePassesDrawnAlone() throws Exception {
        var production = TestFilm.read(TestFilm.write(dir.resolve("film"), SCENE, 24, 160, 90)).production();
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        assertThat(shot.masks(0).shows("TOM")).as("Tom is out of the first frame").isFalse();
        assertThat(shot.masks(shot.frames() - 1).shows("TOM")).as("and in the last").isTrue();
        Ffmpeg ffmpeg = Ffmpeg.find();
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Path loop = Files.createDirectories(dir.resolve("loop"));
        MaskAndPoseRender.Passes apart = MaskAndPoseRender.all(shot, ffmpeg, alone);
        PrevizRender.encode(shot, ffmpeg, EncodeTargets.masterOnly(alone.resolve("master.mkv")), Optional.empty(),
                Optional.empty());
        MaskAndPoseRender.Passes together = PrevizRender.encode(shot, ffmpeg,
                EncodeTargets.masterOnly(loop.resolve("master.mkv")), loop, MaskAndPoseRender.Videos.all(shot));

        assertThat(apart.maskVideo().keySet()).as("mask videos of those who appear").contains("MARA", "TOM");
        assertThat(together.maskVideo().keySet()).isEqualTo(apart.maskVideo().keySet());
        assertThat(together.maskStill().keySet()).isEqualTo(Set.copyOf(shot.cast()));
        assertSameFiles(apart.maskVideo(), together.maskVideo());
        assertSameFiles(apart.maskStill(), together.maskStill());
        assertSameFiles(Map.of("pose", apart.poseVideo(), "still", apart.poseStill(), "master", alone.resolve("master.mkv")),
                Map.of("pose", together.poseVideo(), "still", together.poseStill(), "master", loop.resolve("master.mkv")));

        Path some = Files.createDirectories(dir.resolve("some"));
        MaskAndPoseRender.Passes tom = MaskAndPoseRender.videos(shot, ffmpeg, some,
                new MaskAndPoseRender.Videos(Set.of("TOM"), false));
        assertThat(tom.maskVideo().keySet()).containsExactly("TOM");
        assertThat(tom.poseVideo()).isNull();
        assertSameFiles(Map.of("TOM", apart.maskVideo().get("TOM")), tom.maskVideo());
        try (var files = Files.list(some)) {
            assertThat(files.count()).as("only Tom's mask video is written").isEqualTo(1);
        }
    }

    private static void assertSameFiles(Map<String, Path> expected, Map<String, Path> actual) throws Exception {
        for (var e : expected.entrySet()) {
            assertThat(Files.readAllBytes(actual.get(e.getKey()))).as(e.getKey())
                    .isEqualTo(Files.readAllBytes(e.getValue()));
        }
    }
}
