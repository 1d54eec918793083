package film.slate.engine.conditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.model.BackendConfig;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Target;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.RecipeObjects;
import film.slate.engine.generator.RenderRequest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of the reference keys, made from the recipe alone: the bound object by hash, and for a
 * blank a black PNG of the format's size, the same bytes on every shot.
 */
class ReferenceFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aBlankIsOneBlackImageOfTheFormatsSizeAndAReferenceIsItsObject() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3, "comfyui",
                "url: http://127.0.0.1:8188\nworkflow: w.json\nbind: { reference.TOM: /1/inputs/image, reference.MARA: /2/inputs/image }\n");
        Production p = ProductionReader.read(dir).production();
        BackendConfig config = p.manifest().backends().get("main");
        List<Recipe> recipes = new RecipeCompiler(p).compileAll(Target.of(config, "1"), Optional.empty());
        Recipe two = recipes.get(0); // MARA and TOM; Tom has no picture
        Recipe maraAlone = recipes.get(1);
        assertThat(two.content().bound("reference.TOM").flatMap(RecipeContent.Bound::blank)).contains("TOM has no reference image");
        assertThat(maraAlone.content().bound("reference.TOM").flatMap(RecipeContent.Bound::blank)).contains("TOM not in frame");

        byte[] first = Files.readAllBytes(file(two, config, "a", RecipeObjects.NONE, "reference.TOM"));
        byte[] second = Files.readAllBytes(file(maraAlone, config, "b", RecipeObjects.NONE, "reference.TOM"));
        assertThat(second).isEqualTo(first);
        BufferedImage blank = ImageIO.read(new java.io.ByteArrayInputStream(first));
        assertThat(blank.getWidth()).isEqualTo(64);
        assertThat(blank.getHeight()).isEqualTo(36);
        for (int y = 0; y < blank.getHeight(); y++) {
            for (int x = 0; x < blank.getWidth(); x++) {
                assertThat(blank.getRGB(x, y) & 0xffffff).isZero();
            }
        }

        String hash = two.content().bound("reference.MARA").flatMap(RecipeContent.Bound::ref)
                .flatMap(RecipeContent.Ref::sha256).orElseThrow();
        Path object = Files.write(tmp.resolve(hash), Files.readAllBytes(dir.resolve("bible/refs/mara.png")));
        assertThat(file(two, config, "c", new RecipeObjects(Map.of(hash, object)), "reference.MARA")).isEqualTo(object);
        assertThatThrownBy(() -> file(two, config, "d", RecipeObjects.NONE, "reference.MARA"))
                .isInstanceOf(GeneratorFault.class).hasMessageContaining("bible/refs/mara.png")
                .hasMessageContaining("not among the recipe's objects");
        // a key the recipe does not bind has no file
        assertThat(new Conditioning(request(two, config, "e", RecipeObjects.NONE), null, tmp.resolve("e"))
                .file("location_reference")).isEmpty();
    }

    private Path file(Recipe r, BackendConfig config, String name, RecipeObjects objects, String key) throws Exception {
        return new Conditioning(request(r, config, name, objects), null, tmp.resolve("scratch-" + name)).file(key)
                .orElseThrow();
    }

    private RenderRequest request(Recipe r, BackendConfig config, String name, RecipeObjects objects) throws Exception {
        return new RenderRequest(r, config, Map.of(), objects, Files.createDirectories(tmp.resolve("out-" + name)));
    }
}
