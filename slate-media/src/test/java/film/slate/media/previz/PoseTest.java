package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.stage.Body;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Lens;
import film.slate.core.stage.Vec3;
import film.slate.media.TestFilm;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pose pass puts each joint where a pinhole camera on a 36 mm sensor would see the figure's
 * joint, computed here from the camera's position, aim and lens alone (not through the renderer's
 * projection): within 2 pixels, for seeded marks, walks, heights and cameras.
 */
class PoseTest {
    private static final int W = 640;
    private static final int H = 360;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 8L * Integer.getInteger("slate.trials", 1)).map(i -> 0x905E0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keypointsLandOnThePinholeProjectionOfTheJoints(long seed) {
        keypointsOnThePinhole(seed, "stand", "stand", 24);
    }

    /** The same for figures sitting, kneeling and lying, and getting up or down during the shot. */
    @ParameterizedTest
    @MethodSource("seeds")
    void keypointsFollowEveryPosture(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x9057L);
        String[] postures = {"stand", "sit", "kneel", "lie"};
        keypointsOnThePinhole(seed, postures[r.nextInt(4)], postures[1 + r.nextInt(3)], 12);
    }

    private void keypointsOnThePinhole(long seed, String from, String to, int least) {
        SplittableRandom r = new SplittableRandom(seed);
        double x = 1.5 + r.nextDouble() * 3;
        double y = 3 + r.nextDouble() * 2;
        double lens = 24 + r.nextDouble() * 30;
        String scene = String.format(Locale.ROOT, """
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  MARA: { at: [%.2f, %.2f], facing: %d%s, posture: %s }
                shots:
                  - id: 1
                    framing: FS
                    subjects: [MARA]
                    camera: { at: [3, 0.4], height: %.2f, lens: %.1f, look_at: MARA }
                    blocking: { MARA: { to: [%.2f, %.2f], posture: %s } }
                    duration: 2.0
                """, x, y, r.nextInt(360), r.nextBoolean() ? ", holds: [LANTERN]" : "", from, 1.0 + r.nextDouble() * 0.8, lens,
                x + r.nextDouble() * 1.4 - 0.7, y + r.nextDouble() * 1.4 - 0.7, to);
        var production = TestFilm.read(TestFilm.write(dir, scene, 24, W, H)).production();
        PrevizShot shot = Previz.of(production).shot("1/1", 1).orElseThrow();
        int checked = 0;
        for (int frame : new int[] {0, shot.frames() / 3, shot.frames() / 2, shot.frames() - 1}) {
            BufferedImage pose = shot.pose(frame);
            Body body = shot.staging().body("MARA", shot.instant(frame)).orElseThrow();
            CameraPose camera = shot.camera(frame);
            int radius = PoseDrawing.stick(W, H);
            for (Body.Joint j : Body.Joint.values()) {
                double[] predicted = pinhole(camera.eye(), camera.target(), lens, body.joint(j));
                double[] found = disc(pose, PoseDrawing.COLOURS[j.ordinal()], radius);
                if (found != null) {
                    assertThat(Math.hypot(found[0] - predicted[0], found[1] - predicted[1])).as("%s at frame %d (seed %x)",
                            j, frame, seed).isLessThanOrEqualTo(2.0);
                    checked++;
                }
            }
        }
        assertThat(checked).as("joints seen whole in four frames (%s to %s)", from, to).isGreaterThanOrEqualTo(least);
    }

    /** The pixel a pinhole camera at {@code eye} aimed at {@code target} images {@code p} at, levelled (no roll). */
    private static double[] pinhole(Vec3 eye, Vec3 target, double lens, Vec3 p) {
        double[] f = unit(target.x() - eye.x(), target.y() - eye.y(), target.z() - eye.z());
        double[] right = unit(f[1], -f[0], 0);
        double[] up = {right[1] * f[2] - right[2] * f[1], right[2] * f[0] - right[0] * f[2],
            right[0] * f[1] - right[1] * f[0]};
        double[] d = {p.x() - eye.x(), p.y() - eye.y(), p.z() - eye.z()};
        double depth = dot(d, f);
        double focal = (W / 2.0) / (Lens.SENSOR_WIDTH_MM / 2 / lens);
        return new double[] {W / 2.0 + focal * dot(d, right) / depth, H / 2.0 - focal * dot(d, up) / depth};
    }

    /**
     * The centre of the disc of {@code rgb}, when it is drawn whole inside the picture (not partly
     * under a later joint); null otherwise.
     */
    private static double[] disc(BufferedImage image, int[] rgb, int radius) {
        int want = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == want) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }
        double area = Math.PI * radius * radius;
        return n >= 0.85 * area && n <= 1.3 * area ? new double[] {sx / n, sy / n} : null;
    }

    private static double[] unit(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / l, y / l, z / l};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
