package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeCompilerTest {
    @TempDir
    Path tmp;

    static Production read(Path dir) throws Exception {
        ReadProduction read = ProductionReader.read(dir);
        assertThat(read.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
        return read.production();
    }

    static List<Recipe> compile(Path dir) throws Exception {
        return compile(read(dir));
    }

    static List<Recipe> compile(Production p) {
        return new RecipeCompiler(p).compileAll(Target.of(p.manifest().backends().get("main"), "1"), Optional.empty());
    }

    @Test
    void everyTakeOfEveryShotWithCanonicalHashedJson() throws Exception {
        List<Recipe> recipes = compile(SyntheticProduction.write(tmp.resolve("a"), 3, 4));
        // 4 shots a scene, shot 4 has two takes
        assertThat(recipes).hasSize(3 * 5);
        Recipe first = recipes.get(0);
        assertThat(first.shot()).isEqualTo("1/1S1");
        assertThat(first.take()).isEqualTo(1);
        assertThat(first.id()).isEqualTo(Sha256.hex(first.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Recipe.parse(first.canonical())).isEqualTo(first.withoutInputs());
        assertThat(first.seed()).isEqualTo(Seeds.derive("synthetic", "1/1S1", 1));
        assertThat(first.frames()).isEqualTo(12);
        assertThat(first.prompt()).startsWith("wide shot of Mara Quell (woman in her forties, weathered face; "
                + "wearing yellow oilskin coat; holding dented brass storm lantern) and Tom Quell")
                .contains("in round iron room, great Fresnel lens, night.")
                .contains("Mara Quell says \"Keep the light burning, scene 1.\"")
                .endsWith("35mm film, muted teal and amber palette");
        // previz binds no reference: the recipe names Mara's by path, not by content, so replacing it re-renders nothing
        assertThat(first.content().subjects().get(0).bible().orElseThrow().refs().get(0))
                .isEqualTo(new RecipeContent.Ref("bible/refs/mara.png", Optional.empty()));
        assertThat(Recipe.parse(first.canonical()).id()).isEqualTo(first.id());
        assertThat(recipes.stream().map(Recipe::id).distinct()).hasSize(recipes.size());
    }

    @Test
    void sameProductionInTwoFoldersSameIds() throws Exception {
        List<String> a = compile(SyntheticProduction.write(tmp.resolve("a"), 4, 5)).stream().map(Recipe::id).toList();
        List<String> b = compile(SyntheticProduction.write(tmp.resolve("b"), 4, 5)).stream().map(Recipe::id).toList();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aWardrobeEditChangesOnlyTheShotsThatSeeItsWearer() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("a"), 4, 5);
        Map<String, String> before = byTake(compile(dir));
        Path chars = dir.resolve("bible/characters.yaml");
        Files.writeString(chars, Files.readString(chars).replace("grey cable-knit sweater", "red sweater"));
        Map<String, String> after = byTake(compile(dir));
        Production p = read(dir);
        // Mara wears the sweater in scene 3 only (scenes divisible by 3).
        Set<String> expected = p.shots().stream().filter(s -> s.scene().equals("3") && RecipeCompiler.sees(s, "MARA"))
                .flatMap(s -> java.util.stream.IntStream.rangeClosed(1, s.takes()).mapToObj(t -> s.fullId() + "#" + t))
                .collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        assertThat(changed(before, after)).isEqualTo(expected);
    }

    @Test
    void whatABackgroundCharacterHoldsIsInTheRecipeBecausePrevizDrawsIt() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("a"), 1, 3);
        Map<String, String> before = byTake(compile(dir));
        Path shots = dir.resolve("shots/0001.yaml");
        Files.writeString(shots, Files.readString(shots).replace("holds: [LANTERN]", "holds: [LOGBOOK]"));
        Map<String, String> after = byTake(compile(dir));
        // 1/1S3 is about Tom alone; Mara stands behind him with whatever she holds.
        assertThat(changed(before, after)).contains("1/1S3#1");
        assertThat(compile(dir).stream().filter(r -> r.shot().equals("1/1S3")).findFirst().orElseThrow().content()
                .cast().get(0).holds()).containsExactly("LOGBOOK");
    }

    @Test
    void aPinnedSeedIsRecorded() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("a"), 1, 2);
        Path shots = dir.resolve("shots/0001.yaml");
        Files.writeString(shots, Files.readString(shots).replace("takes: 1\n", "takes: 1\n    seed: 1234\n"));
        Recipe r = compile(dir).get(0);
        assertThat(r.seed()).isEqualTo(1234);
        assertThat(r.content().seedPinned()).isTrue();
    }

    @Test
    void secretsNeverReachTheRecipeAndDoNotChangeIt() throws Exception {
        // http-task settings name the environment variable of the key; api_key is a key written inline
        Path a = SyntheticProduction.write(tmp.resolve("a"), 1, 1, "http-task",
                "url: http://x\napi_key: sk-111\napi_key_env: SLATE_TOKEN\n");
        Path b = SyntheticProduction.write(tmp.resolve("b"), 1, 1, "http-task",
                "url: http://x\napi_key: sk-222\napi_key_env: OTHER\n");
        Recipe ra = compile(ProductionReader.read(a).production()).get(0);
        assertThat(ra.canonical()).doesNotContain("sk-111").doesNotContain("SLATE_TOKEN");
        assertThat(compile(ProductionReader.read(b).production()).get(0).id()).isEqualTo(ra.id());
        Path c = SyntheticProduction.write(tmp.resolve("c"), 1, 1, "http-task", "url: http://y\n");
        assertThat(compile(ProductionReader.read(c).production()).get(0).id()).isNotEqualTo(ra.id());
    }

    @Test
    void aConditionedGeneratorNamesItsInputRecipe() throws Exception {
        Production p = read(SyntheticProduction.write(tmp.resolve("a"), 1, 1));
        var main = p.manifest().backends().get("main");
        Target previz = Target.of(main, "1");
        Target comfy = new Target(new film.slate.core.model.BackendConfig("comfy", "comfyui", main.settings(),
                main.where()), "2", Optional.of(previz));
        Shot shot = p.shots().get(0);
        Recipe r = new RecipeCompiler(p).compile(shot, 1, comfy);
        Recipe input = new RecipeCompiler(p).compile(shot, 1, previz);
        assertThat(r.inputIds()).containsExactly(input.id());
        assertThat(r.content().inputs().get(0).recipe()).isEqualTo(input.id());
        assertThat(r.canonical()).contains("\"inputs\":[{\"recipe\":\"" + input.id() + "\",\"role\":\"previz\"}]");
    }

    static Map<String, String> byTake(List<Recipe> recipes) {
        return recipes.stream().collect(Collectors.toMap(Recipe::label, Recipe::id));
    }

    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).collect(Collectors.toSet());
    }

    static <T> Function<T, T> id() {
        return t -> t;
    }
}
