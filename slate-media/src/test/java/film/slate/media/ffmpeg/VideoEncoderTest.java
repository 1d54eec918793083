package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A take of known length: frames that hold the picture before are not piped but repeated by
 * FFmpeg, and the master and proxy are still the very bytes that piping every frame as raw video
 * makes, whatever the size, length, holds, pixel format and outputs.
 */
class VideoEncoderTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 1);
        return LongStream.range(0, 12L * trials).map(i -> 0xF0CA1000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heldFramesMakeTheBytesEveryFramePipedMakes(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(8, 60);
        int h = 2 * r.nextInt(8, 40);
        int frames = r.nextInt(1, 50);
        PixelFormat format = seed % 4 == 3 ? PixelFormat.GRAY8 : PixelFormat.BGR24;
        int outputs = format == PixelFormat.GRAY8 ? 0 : (int) (seed % 3); // 0 master, 1 proxy, 2 both
        int chance = r.nextInt(10); // a frame holds the one before with chance/10
        BitSet held = new BitSet();
        List<BufferedImage> pictures = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            boolean hold = f > 0 && r.nextInt(10) < chance;
            held.set(f, hold);
            pictures.add(hold ? pictures.get(f - 1) : picture(r, format, w, h));
        }
        List<List<Path>> made = new ArrayList<>();
        for (String way : List.of("every", "take")) {
            EncodeTargets targets = targets(outputs, dir.resolve(way + ".mkv"), dir.resolve(way + ".mp4"));
            try (VideoEncoder e = way.equals("every") ? VideoEncoder.open(FFMPEG, w, h, 24, format, targets)
                    : VideoEncoder.open(FFMPEG, w, h, 24, format, targets, frames)) {
                for (int f = 0; f < frames; f++) {
                    // a held frame passed as an equal copy, not the same image, now and then
                    boolean copy = held.get(f) && r.nextBoolean();
                    e.write(copy ? copy(pictures.get(f)) : pictures.get(f));
                }
                assertThat(e.frames()).isEqualTo(frames);
            }
            made.add(VideoEncoder.outputs(targets));
        }
        for (int i = 0; i < made.get(0).size(); i++) {
            assertThat(Files.readAllBytes(made.get(1).get(i))).as("seed %d, %dx%d %s, %d frames, held %s: %s", seed, w, h,
                    format, frames, held, made.get(1).get(i).getFileName())
                    .isEqualTo(Files.readAllBytes(made.get(0).get(i)));
        }
        if (outputs != 1) {
            List<BufferedImage> decoded = VideoDecoder.readAll(FFMPEG, dir.resolve("take.mkv"), format);
            assertThat(decoded).hasSize(frames);
            for (int f = 0; f < frames; f++) {
                assertThat(FfmpegTest.bytes(decoded.get(f))).as("seed %d, frame %d", seed, f)
                        .isEqualTo(FfmpegTest.bytes(pictures.get(f)));
            }
        }
    }

    @Test
    void aTakeOfKnownLengthIsWrittenWholeOrNotAtAll() {
        Path master = dir.resolve("short.mkv");
        VideoEncoder e = VideoEncoder.open(FFMPEG, 8, 8, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(master), 3);
        BufferedImage black = PixelFormat.BGR24.newImage(8, 8);
        e.write(black);
        e.write(black);
        assertThatThrownBy(e::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("3 frames but 2");
        assertThat(master).doesNotExist();
        assertThat(Ffmpeg.partOf(master)).doesNotExist();

        VideoEncoder one = VideoEncoder.open(FFMPEG, 8, 8, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(master), 1);
        one.write(black);
        assertThatThrownBy(() -> one.write(black)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("past its end");
        one.close();
        assertThat(master).exists();
        assertThatThrownBy(() -> VideoEncoder.open(FFMPEG, 8, 8, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(master), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Known length or not (0), a close after an abort (try-with-resources) is quiet and keeps nothing. */
    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void anAbortedTakeClosesQuietlyAndKeepsNothing(int frames) {
        Path master = dir.resolve("aborted.mkv");
        EncodeTargets targets = EncodeTargets.masterOnly(master);
        VideoEncoder e = frames == 0 ? VideoEncoder.open(FFMPEG, 8, 8, 24, PixelFormat.BGR24, targets)
                : VideoEncoder.open(FFMPEG, 8, 8, 24, PixelFormat.BGR24, targets, frames);
        e.write(PixelFormat.BGR24.newImage(8, 8));
        e.abort();
        e.close();
        assertThat(e.frames()).isEqualTo(1);
        assertThatThrownBy(() -> e.write(PixelFormat.BGR24.newImage(8, 8))).hasMessageContaining("closed");
        assertThat(master).doesNotExist();
        assertThat(Ffmpeg.partOf(master)).doesNotExist();
    }

    private static EncodeTargets targets(int outputs, Path master, Path proxy) {
        return switch (outputs) {
            case 0 -> EncodeTargets.masterOnly(master);
            case 1 -> EncodeTargets.proxyOnly(proxy);
            default -> EncodeTargets.both(master, proxy);
        };
    }

    /** Noise, a flat colour or a flat colour with scattered noise. */
    private static BufferedImage picture(SplittableRandom r, PixelFormat format, int w, int h) {
        BufferedImage img = format.newImage(w, h);
        byte[] data = FfmpegTest.bytes(img);
        int kind = r.nextInt(3);
        byte v = (byte) r.nextInt(256);
        for (int k = 0; k < data.length; k++) {
            data[k] = kind == 0 || kind == 2 && k % 5 == 0 ? (byte) r.nextInt(256) : v;
        }
        return img;
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), img.getType());
        System.arraycopy(FfmpegTest.bytes(img), 0, FfmpegTest.bytes(c), 0, FfmpegTest.bytes(img).length);
        return c;
    }
}
