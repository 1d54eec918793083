package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.model.Point;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Vec3;
import film.slate.media.TestFilm;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A prop set down over a set piece rests on the piece's top: the rules' {@link Sight#prop} puts it
 * there, and previz draws it there (the pixel where an independent pinhole projection of that
 * resting place falls is the prop's: the picture changes there when the prop is taken away).
 * Seeded: a table of random size, height and turn under the spot 0.45 m in front of Mara, seen
 * from the side and above.
 */
class PropOnPieceTest {
    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 12L * Integer.getInteger("slate.trials", 1)).map(i -> 0x7AB1E000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLanternPutDownOverATableRestsOnItsTop(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Point mara = new Point(2.2 + r.nextDouble() * 1.6, 2.2 + r.nextDouble() * 1.6);
        int facing = r.nextInt(360);
        Point along = Point.ofBearing(facing);
        Point spot = mara.plus(along.times(0.45));
        double depth = 0.3 + r.nextDouble() * 0.3;
        double width = 0.5 + r.nextDouble() * 1.0;
        double height = Math.round((0.45 + r.nextDouble() * 0.6) * 1000) / 1000.0; // as written in the YAML
        // The table's centre along Mara's facing: the spot on it, Mara's mark (0.45 m back) off it.
        double shift = -depth / 2 + 0.05 + r.nextDouble() * (depth - 0.1);
        Point centre = spot.plus(along.times(shift)).plus(Point.ofBearing(facing + 90).times((r.nextDouble() - 0.5) * (width - 0.3)));
        String table = String.format(Locale.ROOT, "{ at: [%.3f, %.3f], size: [%.3f, %.3f], height: %.3f, facing: %d }",
                centre.x(), centre.y(), width, depth, height, facing);
        double top = height;
        double side = facing + (r.nextBoolean() ? 90 : -90) + (r.nextDouble() - 0.5) * 50;
        Point cam = spot.plus(Point.ofBearing(side).times(1.4 + r.nextDouble() * 0.8));
        String camera = String.format(Locale.ROOT, "{ at: [%.3f, %.3f], height: %.3f, lens: 35, look_at: [%.3f, %.3f, %.3f] }",
                cam.x(), cam.y(), top + 0.6 + r.nextDouble() * 0.6, spot.x(), spot.y(), top + 0.1);
        String cast = String.format(Locale.ROOT, "MARA: { wardrobe: oilskin, at: [%.3f, %.3f], facing: %d%s }",
                mara.x(), mara.y(), facing, "%s");
        PrevizShot with = shot("with", cast.formatted(", holds: [LANTERN]"), camera, table,
                "events: [ { character: MARA, puts_down: LANTERN } ]");
        PrevizShot without = shot("without", cast.formatted(""), camera, table, "events: []");

        int last = with.frames() - 1;
        BufferedImage a = with.pictureWithoutNames(last, false);
        BufferedImage b = without.pictureWithoutNames(last, false);
        CameraPose pose = with.camera(last);
        Point q = pose.project(Vec3.of(spot, top + Sight.PROP_SIZE / 2)).orElseThrow();
        int x = (int) Math.floor(W / 2.0 + q.x() * W / 2.0);
        int y = (int) Math.floor(H / 2.0 - q.y() * W / 2.0);
        assertThat(a.getRGB(x, y)).as("seed %x: previz draws the lantern at (%d, %d), on the table's top", seed, x, y)
                .isNotEqualTo(b.getRGB(x, y));

        Vec3 rest = new Sight(with.staging(), H / (double) W).prop("LANTERN", 1).orElseThrow();
        assertThat(rest.z()).as("seed %x: the lantern's centre, on the table's top", seed)
                .isCloseTo(top + Sight.PROP_SIZE / 2, within(1e-9));
        assertThat(rest.plan().distance(spot)).as("seed %x", seed).isLessThan(0.01);
    }

    private PrevizShot shot(String name, String cast, String camera, String table, String events) {
        String scene = """
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  %s
                shots:
                  - id: 1
                    framing: WS
                    subjects: []
                    camera: %s
                    duration: 1.0
                    %s
                """.formatted(cast, camera, events);
        var read = TestFilm.read(TestFilm.write(dir.resolve(name), scene, 12, W, H, "TABLE: " + table));
        assertThat(read.diagnostics()).as(name).isEmpty();
        return Previz.of(read.production()).shot("1/1", 1).orElseThrow();
    }
}
