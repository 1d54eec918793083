package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cut encoded in runs at once is the cut, frame for frame, with its timecode track, and the same
 * bytes every time; where it is split depends on the pieces alone.
 */
class CutEncoderTest {
    private static final Ffmpeg FFMPEG = Ffmpeg.find();

    @TempDir
    Path dir;

    static LongStream seeds() {
        int trials = Integer.getInteger("slate.trials", 20);
        return LongStream.range(0, trials).map(i -> 0xC0770000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void runsAreWholePiecesInOrderSplitNearestTheMiddle(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<CutEncoder.Piece> pieces = new ArrayList<>();
        for (int i = r.nextInt(1, 14); i > 0; i--) {
            pieces.add(new CutEncoder.Piece(Optional.empty(), r.nextInt(1, 300)));
        }
        List<List<CutEncoder.Piece>> runs = CutEncoder.split(pieces, 2);
        assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(pieces);
        assertThat(runs).hasSize(Math.min(2, pieces.size())).allMatch(run -> !run.isEmpty());
        if (runs.size() == 2) {
            long total = pieces.stream().mapToLong(CutEncoder.Piece::frames).sum();
            long best = Long.MAX_VALUE;
            long prefix = 0;
            for (int k = 1; k < pieces.size(); k++) {
                prefix += pieces.get(k - 1).frames();
                best = Math.min(best, Math.abs(2 * prefix - total));
            }
            long first = runs.get(0).stream().mapToLong(CutEncoder.Piece::frames).sum();
            assertThat(Math.abs(2 * first - total)).isEqualTo(best);
        }
    }

    @Test
    void aCutInRunsIsFrameExactTimecodedAndTheSameBytesTwice() throws Exception {
        int w = 64;
        int h = 36;
        int fps = 12;
        Path a = master("a", 0, 20, w, h, fps);
        Path b = master("b", 1, 5, w, h, fps); // shorter than its piece: the last frame is held
        List<CutEncoder.Piece> pieces = List.of(new CutEncoder.Piece(Optional.of(a), 14),
                new CutEncoder.Piece(Optional.empty(), 6), new CutEncoder.Piece(Optional.of(b), 9),
                new CutEncoder.Piece(Optional.of(a), 3));
        assertThat(CutEncoder.split(pieces, CutEncoder.SEGMENTS)).hasSize(2);
        Path one = dir.resolve("one.mp4");
        Path two = dir.resolve("two.mp4");
        CutEncoder.encode(FFMPEG, pieces, w, h, fps, "01:00:00:00", one);
        CutEncoder.encode(FFMPEG, pieces, w, h, fps, "01:00:00:00", two);
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.mkv", "b.mkv",
                    "one.mp4", "two.mp4");
        }

        List<int[]> expected = new ArrayList<>(); // {master (-1 black), frame}
        for (int i = 0; i < 14; i++) {
            expected.add(new int[] {0, i});
        }
        for (int i = 0; i < 6; i++) {
            expected.add(new int[] {-1, 0});
        }
        for (int i = 0; i < 9; i++) {
            expected.add(new int[] {1, Math.min(i, 4)});
        }
        for (int i = 0; i < 3; i++) {
            expected.add(new int[] {0, i});
        }
        List<BufferedImage> cut = VideoDecoder.readAll(FFMPEG, one, PixelFormat.BGR24);
        assertThat(cut).hasSize(expected.size());
        for (int k = 0; k < cut.size(); k++) {
            int[] e = expected.get(k);
            Color want = e[0] < 0 ? Color.BLACK : colour(e[0], e[1]);
            Color got = new Color(cut.get(k).getRGB(w / 2, h / 2));
            assertThat(Math.abs(got.getRed() - want.getRed()) + Math.abs(got.getGreen() - want.getGreen())
                    + Math.abs(got.getBlue() - want.getBlue())).as("frame %d", k).isLessThanOrEqualTo(12);
        }
        String probe = new String(FFMPEG.runProbe(List.of("-v", "error", "-show_entries",
                "stream=codec_type,r_frame_rate:stream_tags=timecode", "-of", "compact", one.toString()), "probe"),
                StandardCharsets.UTF_8);
        assertThat(probe).contains("codec_type=video|r_frame_rate=12/1|tag:timecode=01:00:00:00")
                .contains("codec_type=data");
    }

    /** A flat colour a frame: which master and which frame each pixel of the cut came from is plain. */
    private static Color colour(int master, int frame) {
        return new Color(40 + 150 * master, 30 + 9 * frame, 200 - 6 * frame);
    }

    private Path master(String name, int index, int frames, int w, int h, int fps) {
        Path p = dir.resolve(name + ".mkv");
        try (VideoEncoder e = VideoEncoder.open(FFMPEG, w, h, fps, PixelFormat.BGR24, EncodeTargets.masterOnly(p))) {
            for (int i = 0; i < frames; i++) {
                BufferedImage img = PixelFormat.BGR24.newImage(w, h);
                Graphics2D g = img.createGraphics();
                g.setColor(colour(index, i));
                g.fillRect(0, 0, w, h);
                g.dispose();
                e.write(img);
            }
        }
        return p;
    }
}
