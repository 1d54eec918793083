package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code slate fix} on the command line: bad input is one sentence, exit 2, and nothing stored. */
class FixCommandTest {
    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void build() throws Exception {
        dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        assertThat(real("build", dir.toString()).code()).isZero();
        image(tmp.resolve("small.png"), 32, 18, true);
        image(tmp.resolve("black.png"), 64, 36, false);
        image(tmp.resolve("good.png"), 64, 36, true);
        Files.writeString(tmp.resolve("not.png"), "not an image");
    }

    private static void image(Path file, int w, int h, boolean white) throws Exception {
        BufferedImage i = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (white) {
            i.getGraphics().fillRect(w / 4, h / 4, w / 2, h / 2);
        }
        ImageIO.write(i, "png", file.toFile());
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--region", "60,0,10,10"), "not inside the 64x36"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--region", "0,0,0,10"), "not inside"),
                Arguments.of(List.of("--take", "1", "--frames", "5-40", "--region", "0,0,8,8"), "lies outside it"),
                Arguments.of(List.of("--take", "1", "--frames", "4-2", "--region", "0,0,8,8"), "ends before it starts"),
                Arguments.of(List.of("--take", "1", "--frames", "a-b", "--region", "0,0,8,8"), "not 2 whole numbers"),
                Arguments.of(List.of("--take", "3", "--frames", "0-3", "--region", "0,0,8,8"), "has no take 3"),
                Arguments.of(List.of("--take", "1", "--version", "9", "--frames", "0-3", "--region", "0,0,8,8"),
                        "has no version 9"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--mask", "MASK/black.png"), "is empty"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--mask", "MASK/small.png"),
                        "masks are not scaled"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--mask", "MASK/not.png"), "not a readable image"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--region", "0,0,8,8", "--set", "lens=50"),
                        "no field a fix can change"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--region", "0,0,8,8", "--backend", "nope"),
                        "no backend 'nope'"),
                Arguments.of(List.of("--take", "1", "--frames", "0-3", "--subject", "NOBODY"), "is not in the cast of 1/1S1"));
    }

    @ParameterizedTest
    @MethodSource("badOrders")
    void badInputIsOneSentenceExitTwoAndNothingStored(List<String> options, String says) throws Exception {
        String before = record();
        List<String> args = new java.util.ArrayList<>(List.of("fix", "1/1S1", dir.toString()));
        options.forEach(o -> args.add(o.replace("MASK", tmp.toString())));
        Slate.Run r = real(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(says).startsWith("slate fix: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(record()).isEqualTo(before);
    }

    @Test
    void aGoodFixMakesVersionTwoAndItsMaskIsKept() throws Exception {
        Slate.Run r = real("fix", "1/1S1", dir.toString(), "--take", "1", "--frames", "1-4", "--mask",
                tmp.resolve("good.png").toString(), "--feather", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1/1S1#1 v2: fix ");
        try (Store s = Store.open(dir)) {
            assertThat(s.takes().ofShot("1/1S1")).hasSize(2);
            String mask = s.fixes().ofShot("1/1S1").get(0).recipe().edit().mask();
            assertThat(s.objects().has(mask)).isTrue();
            assertThat(film.slate.store.LiveObjects.of(s)).contains(mask);
        }
        String fixId = r.out().split(" ")[3];
        String recipe = real("recipe", "1/1S1", dir.toString(), "--version", "2").out();
        assertThat(film.slate.core.recipe.Sha256.hex(recipe.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .startsWith(fixId);
        assertThat(recipe).contains("\"kind\":\"slate/fix\"");
        assertThat(real("status", dir.toString()).out()).contains("rendered").doesNotContain("stale");
    }

    @Test
    void aSubjectFixTakesTheCharactersPrevizMaskOverItsFrames() throws Exception {
        Slate.Run r = real("fix", "1/1S1", dir.toString(), "--take", "1", "--frames", "0-5", "--subject", "MARA",
                "--set", "color.MARA=#00ff00");
        assertThat(r.code()).as(r.err()).isZero();
        try (Store s = Store.open(dir)) {
            var edit = s.fixes().ofShot("1/1S1").get(0).recipe().edit();
            var mask = film.slate.media.composite.Mask.fromPgm(s.objects().read(edit.mask())).orElseThrow();
            int inside = 0;
            for (int y = 0; y < mask.height(); y++) {
                for (int x = 0; x < mask.width(); x++) {
                    inside += mask.inside(x, y) ? 1 : 0;
                }
            }
            assertThat(inside).as("MARA's pixels").isPositive().isLessThan(mask.width() * mask.height() / 2);
        }
        var d = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(real("diff", "1/1S1", "v1", "v2", dir.toString(), "--format", "json").out());
        assertThat(d.path("outside_untouched").asBoolean()).isTrue();
    }

    @Test
    void historyShowsTheTreeDiffHoldsTheFixToItsMaskAndReapplyFollowsAPlanEdit() throws Exception {
        assertThat(real("fix", "1/1S1", dir.toString(), "--take", "1", "--frames", "2-6", "--region", "8,4,20,10",
                "--set", "time=DAY").code()).isZero();
        assertThat(real("fix", "1/1S1", dir.toString(), "--take", "1", "--frames", "0-3", "--mask",
                tmp.resolve("good.png").toString(), "--set", "color.MARA=#00ff00", "--feather", "3").code()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = json.readTree(real("history", "1/1S1", dir.toString(), "--format", "json").out());
        var versions = tree.path("takes").path(0).path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.path(1).path("kind").asText()).isEqualTo("fix");
        assertThat(versions.path(2).path("parent").asInt()).isEqualTo(2);
        assertThat(versions.path(2).path("fix").path("set").path("color.MARA").asText()).isEqualTo("#00ff00");

        Slate.Run diff = real("diff", "1/1S1", "1", "3", dir.toString());
        assertThat(diff.code()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("fix + ").contains("verdict: nothing changed outside the fixes' masks and frames");
        var d = json.readTree(real("diff", "1/1S1", "v2", "v3", dir.toString(), "--format", "json").out());
        assertThat(d.path("outside_untouched").asBoolean()).isTrue();
        assertThat(d.path("fixes").path("added")).hasSize(1);
        assertThat(d.path("pixels").path("changed_frames").size()).isBetween(1, 4);
        assertThat(real("diff", "1/1S1", "1", "9", dir.toString()).code()).isEqualTo(2);

        Path chars = dir.resolve("bible/characters.yaml");
        Files.writeString(chars, Files.readString(chars).replace("weathered face", "weathered face, a scar"));
        assertThat(real("history", "1/1S1", dir.toString()).out()).contains("stale: its parent's recipe changed");
        Slate.Run build = real("build", dir.toString(), "--reapply-fixes");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).contains("reapplied 1/1S1#1: fix ").contains("as version 5").contains("as version 6");
        String history = real("history", "1/1S1", dir.toString()).out();
        assertThat(history.lines().filter(l -> l.contains("stale"))).hasSize(3);
        assertThat(history).contains("v6  fix of v5");
        assertThat(real("build", dir.toString(), "--reapply-fixes").out()).contains("(made before)");
    }

    /** slate with its real previz (a fix decodes the parent's master, so the test pattern's raw file will not do). */
    static Slate.Run real(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Slate.Run(code, out.toString(), err.toString());
    }

    /** Takes, recipes, fixes, events and objects: what a refused fix must leave as it was. */
    private String record() throws Exception {
        try (Store s = Store.open(dir)) {
            return s.takes().ofAll() + "|" + s.fixes().roots() + "|" + s.events().read(java.util.Optional.empty()).size()
                    + "|" + s.objects().all();
        }
    }
}
