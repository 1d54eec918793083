package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.TestFilm;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.ffmpeg.VideoEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A still camera on a still cast holds its picture: those frames are not piped to FFmpeg but
 * repeated by it, and the bound videos still hold, frame for frame, the masks and pose previz
 * draws, in the very bytes the videos made from the kept pass (every frame piped) have. Here the
 * lantern changes hands halfway (the shot's event), so the take is two holds with a change between;
 * and a long handheld take, which holds nothing and has more new frames than are kept staged (the
 * rest are staged again when drawn).
 */
class HeldFramesTest {
    private static final String SCENE = """
            scene: 1
            location: LAMP_ROOM
            time: NIGHT
            cast:
              MARA: { wardrobe: oilskin, at: [2.6, 3], facing: 90, holds: [LANTERN] }
              TOM:  { wardrobe: sweater, at: [3.4, 3], facing: 270 }
            shots:
              - id: 1
                framing: MS
                subjects: [MARA, TOM]
                camera: { at: [3, 0.5], height: 1.4, lens: 35, look_at: [3, 3, 1.1] }
                duration: %s%s
                events:
                  - { character: MARA, puts_down: LANTERN }
                  - { character: TOM, picks_up: LANTERN }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "0.75", "62"}) // 62 s handheld: more new frames than StagedFrames keeps staged
    void heldFramesDecodeToWhatPrevizDraws(String seconds) throws Exception {
        boolean handheld = seconds.equals("62");
        var production = TestFilm.read(TestFilm.write(dir.resolve("film"), SCENE.formatted(seconds,
                handheld ? "\n    move: { type: handheld, amplitude: 0.02 }" : ""), 24, 164, 90))
                .production();
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        assertThat(shot.frames() > StagedFrames.KEPT).isEqualTo(handheld);
        BitSet held = held(StagedFrames.stage(shot), shot.frames());
        if (handheld) {
            assertThat(held.cardinality()).as("a shaken camera holds nothing").isZero();
        } else {
            assertThat(held.cardinality()).as("frames held").isBetween(shot.frames() / 2, shot.frames() - 2);
            assertThat(held.get(shot.frames() - 1)).as("the last frame holds too").isTrue();
        }

        Ffmpeg ffmpeg = Ffmpeg.find();
        MaskAndPoseRender.Passes bound = MaskAndPoseRender.render(shot, ffmpeg, Files.createDirectories(dir.resolve("b")),
                MaskAndPoseRender.Videos.bound(Set.copyOf(shot.cast()), true));
        MaskAndPoseRender.Passes kept = MaskAndPoseRender.all(shot, ffmpeg, Files.createDirectories(dir.resolve("k")));
        for (String who : shot.cast()) {
            List<BufferedImage> frames = VideoDecoder.readAll(ffmpeg, bound.maskVideo().get(who), PixelFormat.GRAY8);
            assertThat(frames).hasSize(shot.frames());
            for (int i = 0; i < frames.size(); i += step(handheld, i)) {
                assertThat(bytes(frames.get(i))).as("%s's mask, frame %d", who, i)
                        .isEqualTo(bytes(shot.masks(i).mask(who)));
            }
            Path everyFrame = MaskAndPoseRender.maskVideo(kept, ffmpeg, who, dir.resolve(who + ".mov")).orElseThrow();
            assertThat(Files.readAllBytes(bound.maskVideo().get(who))).as(who + "'s mask video")
                    .isEqualTo(Files.readAllBytes(everyFrame));
        }
        List<BufferedImage> poses = VideoDecoder.readAll(ffmpeg, bound.poseVideo(), PixelFormat.BGR24);
        assertThat(poses).hasSize(shot.frames());
        for (int i = 0; i < poses.size(); i += step(handheld, i)) {
            assertThat(bytes(poses.get(i))).as("pose, frame %d", i).isEqualTo(bytes(shot.pose(i)));
        }
        Path everyFrame = MaskAndPoseRender.poseVideo(kept, ffmpeg, dir.resolve("pose.mov"));
        assertThat(Files.readAllBytes(bound.poseVideo())).as("pose video").isEqualTo(Files.readAllBytes(everyFrame));
    }

    /**
     * The take's picture, its held frames neither drawn nor piped again ({@link HeldPictures}), is
     * the very master and proxy that drawing every frame and piping it as raw video makes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.0", "0.75", "3"})
    void heldPicturesMakeTheMasterAndProxyEveryFrameDrawnMakes(String seconds) throws Exception {
        var production = TestFilm.read(TestFilm.write(dir.resolve("film"), SCENE.formatted(seconds, ""), 24, 164, 90))
                .production();
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        HeldPictures pictures = new HeldPictures(shot);
        BufferedImage before = null;
        int held = 0;
        for (int i = 0; i < shot.frames(); i++) {
            BufferedImage picture = pictures.picture(shot.setup(i));
            held += picture == before ? 1 : 0;
            before = picture;
        }
        assertThat(held).as("pictures held").isBetween(shot.frames() / 2, shot.frames() - 2);

        Ffmpeg ffmpeg = Ffmpeg.find();
        Path master = dir.resolve("held.mkv");
        Path proxy = dir.resolve("held.mp4");
        PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(master, proxy), Optional.empty(), Optional.empty());
        Path everyMaster = dir.resolve("every.mkv");
        Path everyProxy = dir.resolve("every.mp4");
        var f = shot.format();
        try (VideoEncoder every = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                EncodeTargets.both(everyMaster, everyProxy))) {
            for (int i = 0; i < shot.frames(); i++) {
                every.write(shot.picture(i));
            }
        }
        assertThat(Files.readAllBytes(master)).as("master").isEqualTo(Files.readAllBytes(everyMaster));
        assertThat(Files.readAllBytes(proxy)).as("proxy").isEqualTo(Files.readAllBytes(everyProxy));
    }

    /** The frames staged as the very frame before (asked for in order, as a take is drawn): drawn once, not piped. */
    private static BitSet held(StagedFrames staged, int frames) {
        BitSet held = new BitSet();
        PassFrame before = staged.frame(0);
        for (int i = 1; i < frames; i++) {
            PassFrame frame = staged.frame(i);
            held.set(i, frame == before);
            before = frame;
        }
        return held;
    }

    /**
     * Every frame of a short take; of the long one every 10th and those about the last kept staged
     * (its files are also compared byte for byte with the ones made from the kept pass, frame by frame).
     */
    private static int step(boolean handheld, int frame) {
        return !handheld || Math.abs(frame - StagedFrames.KEPT) <= 2 ? 1 : frame + 10 < StagedFrames.KEPT - 2 ? 10 : 1;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
