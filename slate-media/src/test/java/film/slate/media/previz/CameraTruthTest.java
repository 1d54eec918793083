package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.stage.Lens;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What previz shows is what a real camera would: predicted by the pinhole formula on a 36 mm
 * sensor, independently of the renderer's own projection code.
 */
class CameraTruthTest {
    private static final int W = 1280;
    private static final int H = 720;
    private static final double MARA = 1.70;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 4L * Integer.getInteger("slate.trials", 1)).map(i -> 0xCA3E7A00L + i);
    }

    /**
     * Mara (1.70 m) faces a level camera at half her height. Her top and bottom edges land where
     * {@code y = H/2 -+ f * dz / depth} puts them, with {@code f} the focal length in pixels, to
     * within two pixels, for seeded lenses and distances.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aFigureCoversThePredictedShareOfTheFrame(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double lens = 18 + r.nextDouble() * 80;
        double focal = (W / 2.0) / Math.tan(Math.toRadians(Lens.horizontalFov(lens) / 2));
        double eye = MARA / 2;
        double nearest = focal * eye / (H / 2.0 - 20) + 0.2; // close enough to fill most of the frame, not more
        double distance = nearest + r.nextDouble() * Math.max(0.5, 14 - nearest);
        String camera = String.format(Locale.ROOT, "{ at: [3, -10], height: %s, lens: %s, look_at: [3, 0, %s] }", eye, lens, eye);
        var production = Shots.production(dir, Shots.scene(String.format(Locale.ROOT, "[3, %s]", -10 + distance), 180,
                Shots.shot("1", camera, "", 1)), W, H);
        BufferedImage frame = Previz.of(production).shot("1/1", 1).orElseThrow().picture(0);

        double headDepth = distance - Figure.HEAD_HALF_DEPTH * MARA;
        double feetDepth = distance - film.slate.core.stage.Body.TOES * MARA; // the toes are nearest the lens
        double top = H / 2.0 - focal * (MARA - eye) / headDepth;
        double bottom = H / 2.0 + focal * eye / feetDepth;
        int[] rows = Shots.redRows(frame, W / 2);
        assertThat(rows).as("Mara is in frame (lens %.1f mm at %.2f m)", lens, distance).isNotNull();
        assertThat((double) rows[0]).as("top of head").isCloseTo(top, org.assertj.core.data.Offset.offset(2.0));
        // The legs stand apart, so the soles are the lowest red row of any column.
        assertThat((double) Shots.lowestRedRow(frame) + 1).as("soles").isCloseTo(bottom,
                org.assertj.core.data.Offset.offset(2.0));
    }

    /** A dolly in on a still subject: she grows in frame from each frame to the next. */
    @Test
    void aDollyInGrowsItsSubjectMonotonically() {
        var production = Shots.production(dir, Shots.scene("[3, 4]", 180, Shots.shot("1",
                "{ at: [3, -3], height: 1.5, lens: 24, look_at: MARA }", "{ type: dolly, to: [3, 1] }", 2)), 320, 180);
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        int previousWidth = 0;
        int previousHeight = 0;
        int firstHeight = 0;
        for (int i = 0; i < shot.frames(); i++) {
            BufferedImage frame = shot.picture(i);
            int[] rows = Shots.redRows(frame, 160);
            int height = rows[1] - rows[0] + 1;
            int width = Shots.redColumns(frame, (rows[0] + rows[1]) / 2);
            assertThat(height).as("height at frame %d", i).isGreaterThanOrEqualTo(previousHeight);
            assertThat(width).as("width at frame %d", i).isGreaterThanOrEqualTo(previousWidth);
            previousWidth = width;
            previousHeight = height;
            firstHeight = i == 0 ? height : firstHeight;
        }
        assertThat(previousHeight).isGreaterThan(firstHeight * 3 / 2);
    }
}
