package film.slate.media.previz;

import film.slate.core.model.Production;
import film.slate.media.TestFilm;
import java.nio.file.Path;
import java.util.Locale;

/** Scene plans for one-character tests: Mara alone, in daylight, and one shot described by its camera. */
final class Shots {
    private Shots() {
    }

    static String scene(String maraAt, double facing, String... shots) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, """
                scene: 1
                location: LAMP_ROOM
                time: DAY
                cast:
                  MARA: { at: %s, facing: %s }
                shots:
                """, maraAt, facing));
        for (String shot : shots) {
            s.append(shot);
        }
        return s.toString();
    }

    static String shot(String id, String camera, String move, double duration) {
        return String.format(Locale.ROOT, """
                  - id: %s
                    framing: MS
                    subjects: [MARA]
                    camera: %s
                    %s
                    duration: %s
                """, id, camera, move.isEmpty() ? "" : "move: " + move, duration);
    }

    static Production production(Path dir, String scene, int width, int height) {
        return TestFilm.read(TestFilm.write(dir, scene, 24, width, height)).production();
    }

    /** Rows of the centre column of {@code image} that show Mara's red: [top, bottom], or null when none. */
    static int[] redRows(java.awt.image.BufferedImage image, int column) {
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            if (isRed(image.getRGB(column, y))) {
                if (top < 0) {
                    top = y;
                }
                bottom = y;
            }
        }
        return top < 0 ? null : new int[] {top, bottom};
    }

    /** The lowest row of {@code image} that shows Mara's red anywhere, or -1. */
    static int lowestRedRow(java.awt.image.BufferedImage image) {
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isRed(image.getRGB(x, y))) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** How many pixels of row {@code y} show Mara's red. */
    static int redColumns(java.awt.image.BufferedImage image, int y) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            if (isRed(image.getRGB(x, y))) {
                n++;
            }
        }
        return n;
    }

    static long redPixels(java.awt.image.BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isRed(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 90 && g < 60 && b < 60;
    }
}
