package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FfmpegTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 1);
        return LongStream.range(0, 3L * trials).map(i -> 0x5EED0000L + i);
    }

    /** Random sizes and noise with flat patches: what comes out of the master is what went in, byte for byte. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mastersAreLossless(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 2 * r.nextInt(8, 120);
        int h = 2 * r.nextInt(8, 90);
        int count = r.nextInt(1, 12);
        List<BufferedImage> in = new ArrayList<>();
        Path master = dir.resolve("m" + seed + ".mkv");
        Path proxy = dir.resolve("p" + seed + ".mp4");
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, 24, PixelFormat.BGR24, EncodeTargets.both(master, proxy))) {
            for (int i = 0; i < count; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(w, h);
                byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                if (r.nextBoolean()) {
                    r.nextBytes(data);
                } else {
                    byte v = (byte) r.nextInt(256);
                    for (int k = 0; k < data.length; k++) {
                        data[k] = k % 7 == 0 ? (byte) r.nextInt(256) : v;
                    }
                }
                in.add(copy(img));
                e.write(img);
            }
        }
        List<BufferedImage> out = VideoDecoder.readAll(FFMPEG, master, PixelFormat.BGR24);
        assertThat(out).hasSameSizeAs(in);
        for (int i = 0; i < in.size(); i++) {
            assertThat(bytes(out.get(i))).as("frame %d of seed %d", i, seed).isEqualTo(bytes(in.get(i)));
        }
        VideoInfo info = FFMPEG.probe(proxy);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.frames()).isEqualTo(count);
        assertThat(info.width()).isEqualTo(w);
        assertThat(Files.exists(Ffmpeg.partOf(master))).isFalse();
    }

    /**
     * The same frames make the same master file, whatever FFmpeg's thread count and however busy
     * the machine: one through the encoder (two threads), the others from the same raw frames with
     * one, three and four threads, all three at once.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void masterBytesDoNotDependOnTheThreadCount(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        PixelFormat format = r.nextBoolean() ? PixelFormat.BGR24 : PixelFormat.GRAY8;
        int w = 2 * r.nextInt(1, 200);
        int h = 2 * r.nextInt(1, 120);
        int count = r.nextInt(1, 6);
        Path raw = dir.resolve("frames.raw");
        Path encoded = dir.resolve("encoder.mkv");
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, 24, format, EncodeTargets.masterOnly(encoded));
                var out = Files.newOutputStream(raw)) {
            for (int i = 0; i < count; i++) {
                BufferedImage img = format.newImage(w, h);
                byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                for (int k = 0; k < data.length; k++) {
                    data[k] = (byte) (k % 13 == 0 ? r.nextInt(256) : (k / (3 * w)) * 7 + i);
                }
                out.write(data);
                e.write(img);
            }
        }
        byte[] expected = Files.readAllBytes(encoded);
        List<Thread> running = new ArrayList<>();
        List<Path> made = new ArrayList<>();
        for (int threads : new int[] {1, 3, 4}) {
            Path m = dir.resolve("threads-" + threads + ".mkv");
            made.add(m);
            List<String> args = new ArrayList<>(List.of("-y", "-f", "rawvideo", "-pix_fmt", format.ffmpegName(), "-s",
                    w + "x" + h, "-r", "24", "-i", raw.toString(), "-map", "0:v"));
            args.addAll(VideoEncoder.masterCodec(threads));
            args.addAll(List.of("-pix_fmt", format.masterFormat(), "-flags:v", "+bitexact", "-fflags", "+bitexact",
                    "-f", "matroska", m.toString()));
            Thread t = new Thread(() -> FFMPEG.runFfmpeg(args, "encode with " + threads + " threads"));
            t.start();
            running.add(t);
        }
        for (Thread t : running) {
            t.join();
        }
        for (Path m : made) {
            assertThat(Files.readAllBytes(m)).as("%s, %dx%d %s, seed %d", m.getFileName(), w, h, format, seed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void depthMastersAreLosslessToo() {
        SplittableRandom r = new SplittableRandom(7);
        BufferedImage img = PixelFormat.GRAY8.newImage(64, 36);
        r.nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        byte[] expected = bytes(img).clone();
        Path master = dir.resolve("depth.mkv");
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, 64, 36, 24, PixelFormat.GRAY8, EncodeTargets.masterOnly(master))) {
            e.write(img);
        }
        assertThat(bytes(VideoDecoder.readAll(FFMPEG, master, PixelFormat.GRAY8).get(0))).isEqualTo(expected);
    }

    @Test
    void probeMeasuresDurationFramesAndFormat() {
        Path master = dir.resolve("two-seconds.mkv");
        encodeFlat(master, 48, 0x40);
        VideoInfo info = FFMPEG.probe(master);
        assertThat(info.codec()).isEqualTo("ffv1");
        assertThat(info.frames()).isEqualTo(48);
        assertThat(info.fps()).isEqualTo(24.0);
        assertThat(info.duration()).isBetween(1.99, 2.01);
        assertThat(info.width()).isEqualTo(32);
        assertThat(info.height()).isEqualTo(18);
    }

    @Test
    void concatJoinsClipsInOrder() {
        Path a = dir.resolve("a.mkv");
        Path b = dir.resolve("b.mkv");
        encodeFlat(a, 5, 0x10);
        encodeFlat(b, 7, 0xE0);
        Path joined = dir.resolve("ab.mkv");
        FFMPEG.concat(List.of(a, b), joined);
        List<BufferedImage> frames = VideoDecoder.readAll(FFMPEG, joined, PixelFormat.BGR24);
        assertThat(frames).hasSize(12);
        assertThat(bytes(frames.get(4))[0]).isEqualTo((byte) 0x10);
        assertThat(bytes(frames.get(5))[0]).isEqualTo((byte) 0xE0);
    }

    @Test
    void ffmpegErrorsQuoteFfmpeg() throws IOException {
        Path junk = dir.resolve("junk.mkv");
        Files.writeString(junk, "not a video at all");
        assertThatThrownBy(() -> FFMPEG.probe(junk)).isInstanceOf(FfmpegException.class)
                .hasMessageContaining("FFmpeg could not probe").hasMessageContaining("junk.mkv");
        assertThatThrownBy(() -> FFMPEG.probe(dir.resolve("none.mkv"))).isInstanceOf(FfmpegException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aMissingSystemFfmpegIsOneClearSentence() {
        Ffmpeg none = Ffmpeg.system("/nonexistent/ffmpeg", java.util.Optional.empty());
        assertThatThrownBy(() -> VideoEncoder.open(none, 16, 16, 24, PixelFormat.BGR24,
                EncodeTargets.masterOnly(dir.resolve("x.mkv")))).isInstanceOf(FfmpegException.class)
                .hasMessageContaining("cannot start /nonexistent/ffmpeg");
    }

    @Test
    void anEmptyStreamFailsWithoutLeavingFiles() {
        Path master = dir.resolve("empty.mkv");
        VideoEncoder e = VideoEncoder.open(FFMPEG, 16, 16, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(master));
        e.abort();
        assertThat(Files.exists(master)).isFalse();
        assertThat(Files.exists(Ffmpeg.partOf(master))).isFalse();
    }

    private void encodeFlat(Path out, int frames, int value) {
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, 32, 18, 24, PixelFormat.BGR24, EncodeTargets.masterOnly(out))) {
            for (int i = 0; i < frames; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(32, 18);
                java.util.Arrays.fill(bytes(img), (byte) value);
                e.write(img);
            }
        }
    }

    static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = PixelFormat.BGR24.newImage(img.getWidth(), img.getHeight());
        System.arraycopy(bytes(img), 0, bytes(c), 0, bytes(img).length);
        return c;
    }
}
