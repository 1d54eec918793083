package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.testing.BackendBuild;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference binds against a fake ComfyUI that speaks the real protocol (and, like LoadImage,
 * refuses a prompt naming a file its input folder lacks): each file is uploaded once per content
 * however many takes bind it, the submitted graph names the uploaded file at every bound pointer,
 * a character out of frame gets the one blank image, and replacing a reference re-renders exactly
 * the takes that bind it, uploading only the new file.
 */
class ComfyReferenceTest {
    static final String WORKFLOW = """
            {
              "1": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "2": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "3": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "4": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
              "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "slate", "images": ["1", 0]}}
            }
            """;
    static final Map<String, String> POINTERS = Map.of("reference.MARA", "/1/inputs/image",
            "location_reference", "/2/inputs/image", "reference.1", "/3/inputs/image", "reference.2", "/4/inputs/image");

    @TempDir
    Path tmp;

    @Test
    void eachFileIsUploadedOncePerContentAndNamedAtItsPointers() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = production(comfy);
            BackendBuild.Result r = BackendBuild.run(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(9);
            // Mara's face, the lamp room, and one blank for everyone and everywhere without an image
            assertThat(comfy.uploads).doesNotHaveDuplicates().hasSize(3);
            Set<String> blanks = new HashSet<>();
            for (JsonNode prompt : comfy.accepted) {
                Recipe recipe = recipeOf(r, prompt);
                assertThat(recipe.content().bound()).extracting(RecipeContent.Bound::key)
                        .containsExactlyInAnyOrderElementsOf(POINTERS.keySet());
                for (RecipeContent.Bound b : recipe.content().bound()) {
                    String named = prompt.path("prompt").at(JsonPointer.compile(POINTERS.get(b.key()))).asText();
                    assertThat(comfy.uploads).contains(named.substring("slate/".length()));
                    if (b.ref().isPresent()) {
                        assertThat(named).isEqualTo("slate/slate-" + b.ref().get().sha256().orElseThrow().substring(0, 16)
                                + ".png");
                    } else {
                        blanks.add(named);
                    }
                }
            }
            assertThat(blanks).as("the blank image of every key and shot").hasSize(1);

            // a new picture of Mara: the six takes that show her are made again, and only it is uploaded
            png(dir.resolve("bible/refs/mara.png"), Color.MAGENTA);
            int submitted = comfy.submissionsTotal();
            BackendBuild.Result again = BackendBuild.run(dir, 2);
            assertThat(again.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(again.summary().rendered()).isEqualTo(6);
            assertThat(comfy.submissionsTotal() - submitted).isEqualTo(6);
            assertThat(comfy.uploads).doesNotHaveDuplicates().hasSize(4);
            for (JsonNode prompt : comfy.accepted.subList(submitted, comfy.accepted.size())) {
                assertThat(recipeOf(again, prompt).content().subjects()).extracting(RecipeContent.Subject::id)
                        .contains("MARA");
            }
        }
    }

    private static Recipe recipeOf(BackendBuild.Result r, JsonNode prompt) {
        String key = prompt.path("extra_data").path("slate").asText();
        return r.store().recipes().get(key.substring(key.lastIndexOf('/') + 1)).orElseThrow();
    }

    private Path production(FakeComfy comfy) throws Exception {
        String settings = "url: " + comfy.url() + "\nworkflow: workflows/refs.json\nrequest_timeout: 2\npoll_interval: 0.02\n"
                + "bind:\n  reference.MARA: /1/inputs/image\n  location_reference: /2/inputs/image\n"
                + "  references: [/3/inputs/image, /4/inputs/image]\n";
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 3, 3, "comfyui", settings);
        Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(dir.resolve("workflows/refs.json"), WORKFLOW);
        png(dir.resolve("bible/refs/mara.png"), Color.ORANGE);
        png(dir.resolve("bible/refs/room.png"), Color.BLUE);
        return dir;
    }

    static void png(Path file, Color color) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
