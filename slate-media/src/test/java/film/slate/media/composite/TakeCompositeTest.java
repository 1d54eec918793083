package film.slate.media.composite;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.ffmpeg.ClipRemux;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.ffmpeg.VideoEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edit locality over a master that is a model's own H.264 stream (stored as it came): the fixed
 * take's pixels outside the mask and the frame range are the parent master's decoded pixels, bit
 * for bit, as over an FFV1 master.
 */
class TakeCompositeTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, Integer.getInteger("slate.fix.trials", 3)).map(i -> 0xF1C0000L + i);
    }

    private static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private Path video(SplittableRandom r, int w, int h, int frames, EncodeTargets targets) {
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, 24, PixelFormat.BGR24, targets)) {
            for (int i = 0; i < frames; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(w, h);
                r.nextBytes(bytes(img));
                e.write(img);
            }
        }
        return targets.master().or(targets::proxy).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyPixelOutsideTheFixIsTheCopiedParents(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(12, 48);
        int h = 2 * r.nextInt(12, 36);
        int frames = r.nextInt(4, 16);
        Path clip = video(r, w, h, frames, EncodeTargets.proxyOnly(dir.resolve("model.mp4")));
        Path parent = dir.resolve("parent.mkv");
        ClipRemux.write(FFMPEG, ClipRemux.of(FFMPEG, clip, w, h, 24, frames).orElseThrow(),
                EncodeTargets.masterOnly(parent));
        Path backend = video(r, w, h, frames, EncodeTargets.masterOnly(dir.resolve("noise.mkv")));
        Alpha alpha = Alpha.of(Mask.region(w, h, r.nextInt(w / 2), r.nextInt(h / 2), 1 + r.nextInt(w / 2),
                1 + r.nextInt(h / 2)), r.nextInt(4));
        int first = r.nextInt(frames);
        int last = first + r.nextInt(frames - first);
        Path fixed = dir.resolve("fixed.mkv");
        TakeComposite.run(FFMPEG, parent, backend, alpha, first, last, 24,
                EncodeTargets.both(fixed, dir.resolve("fixed.mp4")));

        List<BufferedImage> before = VideoDecoder.readAll(FFMPEG, parent, PixelFormat.BGR24);
        List<BufferedImage> after = VideoDecoder.readAll(FFMPEG, fixed, PixelFormat.BGR24);
        assertThat(after).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            byte[] a = bytes(before.get(f));
            byte[] b = bytes(after.get(f));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (f < first || f > last || alpha.at(x, y) == 0) {
                        int i = (y * w + x) * 3;
                        assertThat(new byte[] {b[i], b[i + 1], b[i + 2]}).as("frame %d at %d,%d", f, x, y)
                                .isEqualTo(new byte[] {a[i], a[i + 1], a[i + 2]});
                    }
                }
            }
        }
    }
}
