package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which clips are stored as they came: the model's H.264 stream only when the take needs no conversion of it. */
class ClipRemuxTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 1);
        return LongStream.range(0, 3L * trials).map(i -> 0x4E3E0000L + i);
    }

    /** A test-pattern clip made by FFmpeg with {@code encoder} options (codec, pixel format, profile). */
    private Path clip(String name, int w, int h, int fps, int frames, List<String> encoder) {
        Path clip = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=" + w + "x" + h + ":r=" + fps,
                "-frames:v", Integer.toString(frames)));
        args.addAll(encoder);
        args.add(clip.toString());
        FFMPEG.runFfmpeg(args, "make a test clip");
        return clip;
    }

    private static List<String> h264(String pixelFormat, String profile) {
        return List.of("-c:v", "libopenh264", "-profile:v", profile, "-pix_fmt", pixelFormat);
    }

    /**
     * H.264 4:2:0 of the take's size and rate, at least as long as the take, in MP4 or Matroska, of
     * any profile a browser plays: copied, master and proxy, cut to the take's frame count.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theTakesOwnFormatIsCopied(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(16, 120);
        int h = 2 * r.nextInt(16, 90);
        int fps = List.of(12, 24, 25, 30).get(r.nextInt(4));
        int frames = r.nextInt(1, 40);
        int length = frames + (r.nextBoolean() ? 0 : r.nextInt(1, 10));
        String profile = List.of("constrained_baseline", "main", "high").get(r.nextInt(3));
        Path clip = clip("model" + (r.nextBoolean() ? ".mp4" : ".mkv"), w, h, fps, length, h264("yuv420p", profile));
        var copy = ClipRemux.of(FFMPEG, clip, w, h, fps, frames);
        assertThat(copy).as("%s %dx%d %d fps, %d of %d frames", profile, w, h, fps, frames, length).isPresent();
        assertThat(copy.get().packets()).isEqualTo(frames);
        assertThat(copy.get().proxy()).isTrue();
        Path master = dir.resolve("master.mkv");
        Path proxy = dir.resolve("proxy.mp4");
        assertThat(ClipRemux.write(FFMPEG, copy.get(), EncodeTargets.both(master, proxy))).isEmpty();
        for (Path p : List.of(master, proxy)) {
            VideoInfo info = FFMPEG.probe(p);
            assertThat(info.codec()).isEqualTo("h264");
            assertThat(info.frames()).isEqualTo(frames);
        }
    }

    /** Another size, rate, pixel format, codec, or too few frames: not copied (the encoders' roads take it). */
    @ParameterizedTest
    @MethodSource("seeds")
    void anythingElseIsNot(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(16, 120);
        int h = 2 * r.nextInt(16, 90);
        int frames = r.nextInt(2, 30);
        List<String> plain = h264("yuv420p", "high");
        assertThat(ClipRemux.of(FFMPEG, clip("size.mp4", w + 2, h, 24, frames, plain), w, h, 24, frames)).isEmpty();
        assertThat(ClipRemux.of(FFMPEG, clip("rate.mp4", w, h, 25, frames, plain), w, h, 24, frames)).isEmpty();
        assertThat(ClipRemux.of(FFMPEG, clip("short.mp4", w, h, 24, frames - 1, plain), w, h, 24, frames)).isEmpty();
        assertThat(ClipRemux.of(FFMPEG, clip("range.mp4", w, h, 24, frames, h264("yuvj420p", "high")), w, h, 24, frames))
                .isEmpty();
        assertThat(ClipRemux.of(FFMPEG, clip("mpeg4.mp4", w, h, 24, frames, List.of("-c:v", "mpeg4")), w, h, 24, frames))
                .isEmpty();
        assertThat(ClipRemux.of(FFMPEG, clip("ffv1.mkv", w, h, 24, frames, List.of("-c:v", "ffv1", "-pix_fmt", "yuv420p")),
                w, h, 24, frames)).isEmpty();
    }
}
