package film.slate.engine.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Positions;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Target;
import film.slate.core.testing.SyntheticProduction;
import film.slate.core.yaml.YamlMapping;
import film.slate.engine.generator.RecipeObjects;
import film.slate.engine.generator.RenderRequest;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masks, pose and per-character prompts a backend binds are made from the take's recipe alone
 * (read back from its text, no production), and are the previz's own passes of that take: the
 * first frames as PNG, every frame losslessly in the videos. A character out of the scene gets the
 * same black mask of the picture's size on every shot.
 */
class PrevizPassesTest {
    private static final BackendConfig COMFY = new BackendConfig("comfy", "comfyui",
            new YamlMapping(List.of(), SourcePosition.ofFile("slate.yaml")), Positions.of(SourcePosition.ofFile("slate.yaml")));

    @TempDir
    Path dir;

    @Test
    void masksPoseAndPromptsComeFromTheRecipeAloneAndMatchPreviz() throws Exception {
        Production p = ProductionReader.read(SyntheticProduction.write(dir.resolve("film"), 2, 3)).production();
        Set<String> blanks = new HashSet<>();
        int drawn = 0;
        int n = 0;
        for (Shot shot : p.shots()) {
            Recipe stored = Recipe.parse(new RecipeCompiler(p).compile(shot, 1, Target.of(COMFY, "v1")).canonical());
            Conditioning c = new Conditioning(new RenderRequest(stored, COMFY, Map.of(), RecipeObjects.NONE,
                    dir.resolve("out" + n)), Ffmpeg.find(), dir.resolve("scratch" + n++));
            PrevizShot previz = Previz.shot(stored.content(), "");
            for (String who : List.of("MARA", "TOM", "NOBODY")) {
                BufferedImage mask = ImageIO.read(c.file("mask." + who).orElseThrow().toFile());
                BufferedImage expected = previz.masks(0).mask(who);
                assertThat(pixels(mask)).as("mask.%s of %s", who, shot.fullId()).isEqualTo(pixels(expected));
                if (black(pixels(mask))) {
                    blanks.add(digest(c.file("mask." + who).get()));
                } else {
                    drawn++;
                }
                boolean subject = shot.subjects().contains(who);
                String prompt = c.value("prompt." + who).asText();
                assertThat(prompt.isEmpty()).as("prompt.%s of %s", who, shot.fullId()).isEqualTo(!subject);
                if (subject) {
                    assertThat(prompt).contains(p.bible().characters().get(who).description());
                }
            }
            assertThat(pixels(ImageIO.read(c.file("pose").orElseThrow().toFile()))).isEqualTo(pixels(previz.pose(0)));
        }
        assertThat(drawn).as("masks with someone in them").isGreaterThan(0);
        assertThat(blanks).as("every empty mask is the same file").hasSize(1);
    }

    @Test
    void theVideosHoldEveryFrameLosslessly() throws Exception {
        Production p = ProductionReader.read(SyntheticProduction.write(dir.resolve("film"), 1, 2)).production();
        Shot shot = p.shots().get(0);
        Recipe recipe = new RecipeCompiler(p).compile(shot, 1, Target.of(COMFY, "v1"));
        Conditioning c = new Conditioning(new RenderRequest(recipe, COMFY, Map.of(), RecipeObjects.NONE, dir.resolve("o")),
                Ffmpeg.find(), dir.resolve("scratch"));
        PrevizShot previz = Previz.shot(recipe.content(), "");
        String who = shot.subjects().get(0);
        List<BufferedImage> masks = VideoDecoder.readAll(Ffmpeg.find(), c.file("mask_video." + who).orElseThrow(),
                PixelFormat.GRAY8);
        List<BufferedImage> poses = VideoDecoder.readAll(Ffmpeg.find(), c.file("pose_video").orElseThrow(),
                PixelFormat.BGR24);
        List<BufferedImage> blank = VideoDecoder.readAll(Ffmpeg.find(), c.file("mask_video.NOBODY").orElseThrow(),
                PixelFormat.GRAY8);
        assertThat(masks).hasSize(previz.frames());
        assertThat(poses).hasSize(previz.frames());
        assertThat(blank).hasSize(previz.frames());
        for (int i = 0; i < previz.frames(); i++) {
            assertThat(pixels(masks.get(i))).as("mask frame %d", i).isEqualTo(pixels(previz.masks(i).mask(who)));
            assertThat(pixels(poses.get(i))).as("pose frame %d", i).isEqualTo(pixels(previz.pose(i)));
            assertThat(black(pixels(blank.get(i)))).isTrue();
        }
        assertThat(Conditioning.fileName("mask_video." + who, c.file("mask_video." + who).get())).endsWith(".mov");
        assertThat(Conditioning.fileName("pose_video", c.file("pose_video").get())).isEqualTo("pose_video.mov");
    }

    /**
     * A backend that binds two mask videos and the pose video (a {@code command} backend's
     * {@code inputs}) gets all three from one frame loop: asked one by one, the first draws them
     * all and the others are the files it wrote; each holds the previz's own frames.
     */
    @Test
    void theVideosATakeBindsAreDrawnInOneLoop() throws Exception {
        Production p = ProductionReader.read(SyntheticProduction.write(dir.resolve("film"), 1, 2)).production();
        Shot shot = p.shots().get(0);
        List<String> keys = List.of("mask_video.MARA", "mask_video.TOM", "pose_video");
        SourcePosition at = SourcePosition.ofFile("slate.yaml");
        var inputs = new YamlMapping(List.of(new YamlMapping.Entry("inputs", at, new film.slate.core.yaml.YamlSequence(
                keys.stream().map(k -> (film.slate.core.yaml.YamlNode) new film.slate.core.yaml.YamlScalar(k,
                        film.slate.core.yaml.YamlScalar.Kind.STRING, at)).toList(), at))), at);
        BackendConfig command = new BackendConfig("cmd", "command", inputs, Positions.of(at));
        Recipe recipe = new RecipeCompiler(p).compile(shot, 1, Target.of(command, "v1"));
        Conditioning c = new Conditioning(new RenderRequest(recipe, command, Map.of(), RecipeObjects.NONE, dir.resolve("o")),
                Ffmpeg.find(), dir.resolve("scratch"));
        PrevizShot previz = Previz.shot(recipe.content(), "");
        for (String key : keys) {
            PixelFormat format = key.equals("pose_video") ? PixelFormat.BGR24 : PixelFormat.GRAY8;
            List<BufferedImage> frames = VideoDecoder.readAll(Ffmpeg.find(), c.file(key).orElseThrow(), format);
            assertThat(frames).as(key).hasSize(previz.frames());
            for (int i = 0; i < frames.size(); i += 3) {
                BufferedImage expected = key.equals("pose_video") ? previz.pose(i)
                        : previz.masks(i).mask(PrevizPasses.character(key).orElseThrow());
                assertThat(pixels(frames.get(i))).as("%s frame %d", key, i).isEqualTo(pixels(expected));
            }
        }
        try (var loops = Files.list(dir.resolve("scratch/passes"))) {
            assertThat(loops.filter(Files::isDirectory).map(d -> d.getFileName().toString())).containsExactly("v0");
        }
    }

    /**
     * Previz takes store no depth: a take binding {@code control} or {@code control_video} gets the
     * depth its own recipe draws, which is the very depth the previz render of the shot's previz
     * recipe draws, frame for frame; with a stored previz depth (older takes) that one is used.
     */
    @Test
    void theDepthIsDrawnFromTheTakesRecipeAndIsThePrevizRecipesDepth() throws Exception {
        Production p = ProductionReader.read(SyntheticProduction.write(dir.resolve("film"), 2, 2)).production();
        BackendConfig previzBackend = new BackendConfig("previz", "previz", new YamlMapping(List.of(),
                SourcePosition.ofFile("slate.yaml")), Positions.of(SourcePosition.ofFile("slate.yaml")));
        int n = 0;
        for (Shot shot : p.shots()) {
            Recipe stored = Recipe.parse(new RecipeCompiler(p).compile(shot, 1, Target.of(COMFY, "v1")).canonical());
            PrevizShot previz = Previz.shot(new RecipeCompiler(p).compile(shot, 1, Target.of(previzBackend, "p1"))
                    .content(), "");
            Conditioning c = new Conditioning(new RenderRequest(stored, COMFY, Map.of(), RecipeObjects.NONE,
                    dir.resolve("out" + n)), Ffmpeg.find(), dir.resolve("scratch" + n++));
            List<BufferedImage> depth = VideoDecoder.readAll(Ffmpeg.find(), c.file("control_video").orElseThrow(),
                    PixelFormat.GRAY8);
            assertThat(depth).hasSize(previz.frames());
            for (int i = 0; i < previz.frames(); i++) {
                assertThat(pixels(depth.get(i))).as("depth frame %d of %s", i, shot.fullId())
                        .isEqualTo(pixels(previz.depth(i)));
            }
            int[] control = pixels(ImageIO.read(c.file("control").orElseThrow().toFile()));
            int[] grey = pixels(previz.depth(0));
            for (int k = 2; k < grey.length; k++) {
                grey[k] = grey[k] * 0x010101;
            }
            assertThat(control).as("control of %s", shot.fullId()).isEqualTo(grey);
        }
        Path stored = dir.resolve("stored-depth.mkv");
        Files.writeString(stored, "a stored depth pass");
        Conditioning older = new Conditioning(new RenderRequest(new RecipeCompiler(p).compile(p.shots().get(0), 1,
                Target.of(COMFY, "v1")), COMFY, Map.of("previz.depth", stored), RecipeObjects.NONE, dir.resolve("o")),
                Ffmpeg.find(), dir.resolve("scratch-older"));
        assertThat(older.file("control_video")).contains(stored);
    }

    @Test
    void keysAreRecognisedByTheirShape() {
        assertThat(PrevizPasses.isFile("mask.MARA")).isTrue();
        assertThat(PrevizPasses.isFile("mask_video.OLD_WREN")).isTrue();
        assertThat(PrevizPasses.isFile("pose_video")).isTrue();
        assertThat(PrevizPasses.isValue("prompt.MARA")).isTrue();
        assertThat(PrevizPasses.isKey("mask.")).isFalse();
        assertThat(PrevizPasses.isKey("masks.MARA")).isFalse();
        assertThat(PrevizPasses.fileKeys(Set.of("prompt", "pose", "control", "mask.TOM", "prompt.TOM")))
                .containsExactly("control", "mask.TOM", "pose");
    }

    /** Pixels as RGB (or grey) values, whatever the image's type. */
    private static int[] pixels(BufferedImage image) {
        int[] out = new int[image.getWidth() * image.getHeight() + 2];
        out[0] = image.getWidth();
        out[1] = image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out[2 + y * image.getWidth() + x] = image.getType() == BufferedImage.TYPE_BYTE_GRAY
                        ? image.getRaster().getSample(x, y, 0) : image.getRGB(x, y) & 0xffffff;
            }
        }
        return out;
    }

    private static boolean black(int[] pixels) {
        return java.util.Arrays.stream(pixels, 2, pixels.length).allMatch(v -> v == 0);
    }

    private static String digest(Path p) throws Exception {
        return film.slate.core.recipe.Sha256.hex(Files.readAllBytes(p));
    }
}
