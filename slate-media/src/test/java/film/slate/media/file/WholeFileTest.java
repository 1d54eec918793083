package film.slate.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WholeFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeAndLeavesNoPart() throws IOException {
        Path page = dir.resolve("index.html");
        WholeFile.text(page, "first");
        WholeFile.text(page, "second");
        assertThat(page).hasContent("second");
        WholeFile.png(dir.resolve("still.png"), new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR));
        assertThat(dir.resolve("still.png")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "still.png");
        }
    }

    /**
     * A still is the very bytes {@code ImageIO.write} makes (its writer, written through memory
     * rather than a temporary file), for seeded pictures of the kinds Slate writes: grey masks,
     * BGR and RGB pictures, indexed colours; flat, noisy and mixed, large enough for several IDAT chunks.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aStillIsTheBytesImageIoWrites(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED};
        int type = types[(int) (seed % types.length)]; // grey and BGR (PlainPng's) two in three
        int w = r.nextInt(1, seed % 5 == 0 ? 700 : 90);
        int h = r.nextInt(1, seed % 5 == 0 ? 400 : 60);
        BufferedImage image = new BufferedImage(w, h, type);
        int kind = r.nextInt(3); // 0 flat rectangles, 1 noise, 2 rectangles over noise
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, kind == 0 ? 0 : r.nextInt(1 << 24));
            }
        }
        for (int n = kind == 1 ? 0 : r.nextInt(1, 8); n > 0; n--) {
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int rgb = r.nextInt(1 << 24);
            for (int y = y0; y < Math.min(h, y0 + r.nextInt(1, h + 1)); y++) {
                for (int x = x0; x < Math.min(w, x0 + r.nextInt(1, w + 1)); x++) {
                    image.setRGB(x, y, rgb);
                }
            }
        }
        Path still = dir.resolve("still.png");
        WholeFile.png(still, image);
        ByteArrayOutputStream imageIo = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", imageIo)).isTrue();
        assertThat(Files.readAllBytes(still)).as("seed %d, %dx%d type %d", seed, w, h, type)
                .isEqualTo(imageIo.toByteArray());
        // a grey or BGR picture is PlainPng's to write, but not a view into a larger one
        boolean plain = type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR;
        assertThat(PlainPng.fits(image)).isEqualTo(plain);
        assertThat(PlainPng.fits(image.getSubimage(0, 0, w, Math.max(1, h / 2)))).isFalse();
    }

    static LongStream seeds() {
        return LongStream.range(0, 36).map(i -> 0x5717L + i);
    }

    @Test
    void faultsAreOneReasonAndTouchNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("board"));
        assertThatThrownBy(() -> WholeFile.text(folder, "x")).isInstanceOf(IOException.class).hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
        assertThatThrownBy(() -> WholeFile.png(dir.resolve("missing/still.png"), new BufferedImage(2, 2,
                BufferedImage.TYPE_3BYTE_BGR))).isInstanceOf(IOException.class).hasMessage("its folder does not exist or cannot hold files");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("board");
        }
    }
}
