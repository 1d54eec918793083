package film.slate.media.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mask and its alpha over seeded random masks and feathers: feathered inward only (0 at every
 * pixel outside), full deep inside, rising inward; the PGM form reads back as the same mask; a
 * composite keeps every byte where the alpha is 0 and takes the backend's where it is 255.
 */
class AlphaTest {
    static LongStream seeds() {
        return LongStream.range(0, Integer.getInteger("slate.fix.trials", 3) * 10L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theFeatherFadesInwardOnlyAndTheCompositeKeepsEveryByteOutside(long seed) {
        Random rnd = new Random(seed);
        int w = 16 + rnd.nextInt(60);
        int h = 16 + rnd.nextInt(40);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(rnd.nextInt(w) - 4, rnd.nextInt(h) - 4, 4 + rnd.nextInt(w), 4 + rnd.nextInt(h));
        g.dispose();
        Mask mask = Mask.of(img);
        if (mask.isEmpty()) {
            return;
        }
        assertThat(Mask.fromPgm(mask.pgm()).orElseThrow().pgm()).isEqualTo(mask.pgm());
        int feather = rnd.nextInt(8);
        Alpha a = Alpha.of(mask, feather);
        byte[] under = new byte[w * h * 3];
        byte[] over = new byte[w * h * 3];
        rnd.nextBytes(under);
        rnd.nextBytes(over);
        byte[] out = under.clone();
        TakeComposite.lay(over, out, a);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = a.at(x, y);
                if (!mask.inside(x, y)) {
                    assertThat(alpha).as("outside (%d,%d)", x, y).isZero();
                } else {
                    assertThat(alpha).as("inside (%d,%d)", x, y).isPositive();
                    if (feather == 0) {
                        assertThat(alpha).isEqualTo(255);
                    }
                }
                for (int c = (y * w + x) * 3; c < (y * w + x) * 3 + 3; c++) {
                    if (alpha == 0) {
                        assertThat(out[c]).isEqualTo(under[c]);
                    } else if (alpha == 255) {
                        assertThat(out[c]).isEqualTo(over[c]);
                    }
                }
            }
        }
        // Deep inside a rectangle the alpha is full; at its edge it is a fraction.
        Mask box = Mask.region(w, h, 2, 2, w - 4, h - 4);
        Alpha b = Alpha.of(box, feather);
        if (Math.min(w, h) / 2 - 2 > feather + 1) {
            assertThat(b.at(w / 2, h / 2)).isEqualTo(255);
        }
        assertThat(b.at(2, h / 2)).isEqualTo(feather == 0 ? 255 : 255 / (feather + 1));
        assertThat(b.at(1, h / 2)).isZero();
    }
}
