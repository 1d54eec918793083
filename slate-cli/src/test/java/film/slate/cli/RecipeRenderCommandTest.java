package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slate recipe} prints the bytes a take's id hashes; {@code slate render} makes that take
 * again in an empty folder from the recipe and the objects it names, byte for byte (real previz).
 */
class RecipeRenderCommandTest {
    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void realPreviz() {
    }

    static Slate.Run slate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Slate.Run(code, out.toString(), err.toString());
    }

    @Test
    void aTakeCopiedAsItsRecipeAndObjectsRendersByteForByteInAnEmptyFolder() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(slate("build", dir.toString(), "--shots", "1/1S1").code()).isZero();
        TakeRecord take;
        try (Store store = Store.open(dir)) {
            take = store.takes().latest("1/1S1", 1).orElseThrow();
        }
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Slate.Run printed = slate("recipe", "1/1S1", dir.toString(), "--objects", elsewhere.resolve("objects").toString());
        assertThat(printed.code()).as(printed.err()).isZero();
        assertThat(Sha256.hex(printed.out().getBytes(StandardCharsets.UTF_8))).isEqualTo(take.recipe());
        Files.writeString(elsewhere.resolve("take.json"), printed.out());
        try (Stream<Path> objects = Files.list(elsewhere.resolve("objects"))) {
            // Previz binds no reference: its recipe names them by path, not by hash, so none has to travel.
            assertThat(objects).isEmpty();
        }

        Slate.Run rendered = slate("render", elsewhere.resolve("take.json").toString(), "--objects",
                elsewhere.resolve("objects").toString(), "--out", elsewhere.resolve("out").toString());
        assertThat(rendered.code()).as(rendered.err()).isZero();
        assertThat(rendered.out()).startsWith("recipe " + take.recipe() + "\n")
                .contains("master " + take.master().orElseThrow() + " ");
        assertThat(Sha256.file(elsewhere.resolve("out/master.mkv"))).isEqualTo(take.master().orElseThrow());
        assertThat(take.depth()).as("previz stores no depth; a take that binds it draws it").isEmpty();
        assertThat(elsewhere.resolve("out/depth.mkv")).doesNotExist();
        assertThat(Sha256.file(elsewhere.resolve("out/proxy.mp4"))).isEqualTo(take.proxy().orElseThrow());
    }

    @Test
    void aConditionedTakeTravelsWithItsPrevizRecipeAndReference() throws Exception {
        // A command backend on previz: it needs the previz depth (an input recipe, rendered first) and Mara's reference.
        String script = "test -f \"$SLATE_INPUT_DIR/reference.png\" || { echo 'no reference' >&2; exit 4; }; "
                + "for i in 1 2 3; do cp \"$SLATE_INPUT_DIR/control.png\" \"$SLATE_OUTPUT_DIR/f$i.png\"; done";
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "command",
                "command: '" + script.replace("'", "''") + "'\ninputs: [control, reference]\n");
        Slate.Run build = slate("build", dir.toString());
        assertThat(build.code()).as(build.err() + build.out()).isZero();
        TakeRecord take;
        try (Store store = Store.open(dir)) {
            take = store.takes().latest("1/1S1", 1).filter(t -> t.backend().equals("main")).orElseThrow();
        }
        Path away = tmp.resolve("away");
        Slate.Run printed = slate("recipe", "1/1S1", dir.toString(), "--objects", away.resolve("objects").toString());
        assertThat(printed.code()).as(printed.err()).isZero();
        Files.writeString(away.resolve("take.json"), printed.out());
        Recipe recipe = Recipe.parse(printed.out());
        assertThat(away.resolve("objects").resolve(recipe.content().inputs().get(0).recipe())).exists();

        Slate.Run rendered = slate("render", away.resolve("take.json").toString(), "--objects",
                away.resolve("objects").toString(), "--config", dir.resolve("slate.yaml").toString(), "--out",
                away.resolve("out").toString());
        assertThat(rendered.code()).as(rendered.err()).isZero();
        assertThat(rendered.out()).contains("master " + take.master().orElseThrow() + " ");

        // Without the reference it names, the same recipe is not rendered from anything else.
        String ref = recipe.content().subjects().get(0).bible().orElseThrow().refs().get(0).sha256().orElseThrow();
        Files.delete(away.resolve("objects").resolve(ref));
        Slate.Run without = slate("render", away.resolve("take.json").toString(), "--objects",
                away.resolve("objects").toString(), "--config", dir.toString(), "--out", away.resolve("out2").toString());
        assertThat(without.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(without.err()).contains("reference").contains("not among the recipe's objects").doesNotContain("\tat ");
    }

    @Test
    void withNoTakeTheRecipeIsTheOneCompiledNowAndVersionsAreKept() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Slate.Run now = slate("recipe", "1/1S2", dir.toString(), "--take", "2");
        assertThat(now.code()).as(now.err()).isZero();
        Recipe r = Recipe.parse(now.out());
        assertThat(r.label()).isEqualTo("1/1S2#2");
        assertThat(now.err()).contains("no version yet");
        assertThat(slate("recipe", "1/1S2", dir.toString(), "--version", "3").code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(slate("recipe", "9/9Z", dir.toString()).code()).isEqualTo(ExitCode.CANNOT_RUN);
    }

    @Test
    void aBadRecipeOrAMissingConfigIsOneSentence() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"schema\":1}");
        Slate.Run r = slate("render", bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.err()).contains("is not a recipe").doesNotContain("\tat ");
        assertThat(slate("render", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o").toString()).code())
                .isEqualTo(ExitCode.IO);
        // A recipe for another backend type needs the slate.yaml that configures it.
        String text = slate("recipe", "1/1S1", dir.toString()).out().replace("\"type\":\"previz\"", "\"type\":\"command\"");
        Path other = Files.writeString(tmp.resolve("other.json"), text);
        Slate.Run noConfig = slate("render", other.toString(), "--out", tmp.resolve("o").toString());
        assertThat(noConfig.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(noConfig.err()).contains("--config");
    }
}
