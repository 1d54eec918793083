package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.TestFilm;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass drawn in the previz render's own frame loop is the very files the pass drawn on its own
 * makes (same bytes: same pixels, deterministic FFV1 and JSON), and the previz master beside it is
 * the one previz alone writes; a render asked for the matte alone writes no keypoints. The mask
 * videos split from the ID matte and the pose video drawn from the keypoints hold, frame for
 * frame, the masks and pose previz draws. Tom walks into the frame after the first frames, so his
 * mask video starts with black frames.
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
                EncodeTargets.masterOnly(loop.resolve("master.mkv")), loop, MaskAndPoseRender.Videos.all());

        assertThat(together.maskStill().keySet()).isEqualTo(Set.copyOf(shot.cast()));
        assertSameFiles(apart.maskStill(), together.maskStill());
        assertSameFiles(Map.of("matte", apart.matte(), "keypoints", apart.keypoints(), "still", apart.poseStill(),
                "master", alone.resolve("master.mkv")), Map.of("matte", together.matte(), "keypoints",
                together.keypoints(), "still", together.poseStill(), "master", loop.resolve("master.mkv")));

        // Made from the pass: every frame's mask of each character and the pose, as drawn frame by frame,
        // and the very files a take that binds them gets drawn straight away.
        Path bound = Files.createDirectories(dir.resolve("bound"));
        MaskAndPoseRender.Passes direct = MaskAndPoseRender.render(shot, ffmpeg, bound,
                MaskAndPoseRender.Videos.bound(Set.of("MARA", "TOM", "NOBODY"), true));
        assertThat(direct.maskVideo().keySet()).containsExactlyInAnyOrder("MARA", "TOM");
        for (String who : shot.cast()) {
            Path video = MaskAndPoseRender.maskVideo(together, ffmpeg, who, dir.resolve(who + ".mov")).orElseThrow();
            List<BufferedImage> frames = VideoDecoder.readAll(ffmpeg, video, PixelFormat.GRAY8);
            assertThat(frames).hasSize(shot.frames());
            for (int i = 0; i < frames.size(); i++) {
                assertThat(bytes(frames.get(i))).as("%s's mask, frame %d", who, i).isEqualTo(bytes(shot.masks(i).mask(who)));
            }
            assertSameFiles(Map.of(who, video), Map.of(who, direct.maskVideo().get(who)));
        }
        assertThat(MaskAndPoseRender.maskVideo(together, ffmpeg, "NOBODY", dir.resolve("nobody.mov"))).isEmpty();
        Path pose = MaskAndPoseRender.poseVideo(together, ffmpeg, dir.resolve("pose.mov"));
        List<BufferedImage> poses = VideoDecoder.readAll(ffmpeg, pose, PixelFormat.BGR24);
        assertThat(poses).hasSize(shot.frames());
        for (int i = 0; i < poses.size(); i++) {
            assertThat(bytes(poses.get(i))).as("pose, frame %d", i).isEqualTo(bytes(shot.pose(i)));
        }
        assertSameFiles(Map.of("pose video", pose), Map.of("pose video", direct.poseVideo()));

        Path some = Files.createDirectories(dir.resolve("some"));
        MaskAndPoseRender.Passes masks = PrevizRender.encode(shot, ffmpeg,
                EncodeTargets.masterOnly(some.resolve("master.mkv")), some, new MaskAndPoseRender.Videos(true, false, Set.of(), false));
        assertThat(masks.keypoints()).isNull();
        // Its frames are staged without skeletons but the first, whose pose still it still draws.
        assertSameFiles(Map.of("matte", apart.matte(), "still", apart.poseStill()),
                Map.of("matte", masks.matte(), "still", masks.poseStill()));
        assertSameFiles(apart.maskStill(), masks.maskStill());
        try (var files = Files.list(some)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".png")))
                    .as("only the master and the matte besides the stills").containsExactlyInAnyOrder("master.mkv",
                            "matte.mkv");
        }
    }

    /** The bound videos drawn in the previz loop, with the pose video and without it, are those drawn apart. */
    @Test
    void boundVideosInThePrevizLoopAreThoseDrawnApart() throws Exception {
        var production = TestFilm.read(TestFilm.write(dir.resolve("film"), SCENE, 24, 160, 90)).production();
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        Ffmpeg ffmpeg = Ffmpeg.find();
        for (boolean pose : new boolean[] {true, false}) {
            var wanted = MaskAndPoseRender.Videos.bound(Set.of("MARA", "TOM"), pose);
            MaskAndPoseRender.Passes apart = MaskAndPoseRender.render(shot, ffmpeg,
                    Files.createDirectories(dir.resolve("apart-" + pose)), wanted);
            Path loop = Files.createDirectories(dir.resolve("loop-" + pose));
            MaskAndPoseRender.Passes together = PrevizRender.encode(shot, ffmpeg,
                    EncodeTargets.masterOnly(loop.resolve("master.mkv")), loop, wanted);
            assertSameFiles(apart.maskVideo(), together.maskVideo());
            assertSameFiles(apart.maskStill(), together.maskStill());
            assertSameFiles(Map.of("pose still", apart.poseStill()), Map.of("pose still", together.poseStill()));
            assertThat(together.poseVideo() != null).isEqualTo(pose);
            if (pose) {
                assertSameFiles(Map.of("pose video", apart.poseVideo()), Map.of("pose video", together.poseVideo()));
            }
        }
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static void assertSameFiles(Map<String, Path> expected, Map<String, Path> actual) throws Exception {
        for (var e : expected.entrySet()) {
            assertThat(Files.readAllBytes(actual.get(e.getKey()))).as(e.getKey())
                    .isEqualTo(Files.readAllBytes(e.getValue()));
        }
    }
}
