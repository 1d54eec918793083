package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slate why} names what changed in a take's conditioning in a crew's words, and only for
 * the takes whose backend binds it: a new picture of Mara makes her shots stale with "reference of
 * MARA changed", and leaves Tom's alone.
 */
class WhyConditioningTest {
    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void realPreviz() {
    }

    @Test
    void aReplacedReferenceIsNamedByWhomItShows() throws Exception {
        String script = "test -f \"$SLATE_INPUT_DIR/reference.MARA.png\" || { echo 'no reference' >&2; exit 4; }; "
                + "for i in 1 2 3; do cp \"$SLATE_INPUT_DIR/control.png\" \"$SLATE_OUTPUT_DIR/f$i.png\"; done";
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3, "command",
                "command: '" + script.replace("'", "''") + "'\ninputs: [control, reference.MARA, reference.1]\n");
        png(dir.resolve("bible/refs/mara.png"), Color.ORANGE);
        Slate.Run build = RecipeRenderCommandTest.slate("build", dir.toString());
        assertThat(build.code()).as(build.err() + build.out()).isZero();
        assertThat(RecipeRenderCommandTest.slate("why", "1/1S1", dir.toString()).out()).contains("up to date");

        png(dir.resolve("bible/refs/mara.png"), Color.MAGENTA);
        Slate.Run why = RecipeRenderCommandTest.slate("why", "1/1S1", dir.toString());
        assertThat(why.code()).as(why.err()).isZero();
        assertThat(why.out()).contains("reference of MARA changed (bible/refs/mara.png)")
                .contains("reference of subject 1 changed (bible/refs/mara.png)").contains("/bound/");
        // shot 1S3 sees only Tom, who has no picture: both keys bind the blank, before and after
        Slate.Run tom = RecipeRenderCommandTest.slate("why", "1/1S3", dir.toString());
        assertThat(tom.out()).contains("up to date").doesNotContain("reference of");
    }

    private static void png(Path file, Color color) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
