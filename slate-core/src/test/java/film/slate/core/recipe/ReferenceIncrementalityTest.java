package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replacing one reference image (a character's, a wardrobe's, a location's or a prop's) changes
 * exactly the recipes of the takes whose backend binds that file at that shot, and none of a
 * backend that binds no reference; the same production compiles to the same recipes anywhere.
 * Over seeded random productions ({@code -Dslate.trials=N} for more than the default).
 */
class ReferenceIncrementalityTest {
    static Stream<Long> seeds() {
        return LongStream.range(0, 20 * Long.getLong("slate.trials", 1)).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replacingOneReferenceReRendersExactlyTheTakesThatBindIt(long seed, @TempDir Path tmp) throws Exception {
        Random r = new Random(seed);
        CastedProduction model = new CastedProduction(r);
        Path dir = model.write(tmp.resolve("p"));
        Map<String, String> genBefore = ids(dir, "gen");
        Map<String, String> previzBefore = ids(dir, "previz");
        for (int i = 0; i < 3 && !model.refs.isEmpty(); i++) {
            List<String> owners = new ArrayList<>(model.refs.keySet());
            String owner = owners.get(r.nextInt(owners.size()));
            String file = "bible/" + model.refs.get(owner);
            Files.write(dir.resolve(file), ("replaced " + seed + " " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            Set<String> expected = new TreeSet<>();
            for (CastedProduction.ShotModel shot : model.shots) {
                for (String key : model.allKeys()) {
                    if (model.binds(shot, key).equals(Optional.of(file))) {
                        expected.add(shot.id());
                    }
                }
            }
            Map<String, String> genAfter = ids(dir, "gen");
            assertThat(changed(genBefore, genAfter)).as("takes re-rendered after replacing %s (%s), keys %s", file,
                    owner, model.allKeys()).isEqualTo(expected);
            assertThat(ids(dir, "previz")).as("a backend that binds no reference").isEqualTo(previzBefore);
            genBefore = genAfter;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameProductionCompilesToTheSameRecipesAnywhere(long seed, @TempDir Path tmp) throws Exception {
        CastedProduction model = new CastedProduction(new Random(seed));
        Path a = model.write(tmp.resolve("a"));
        Path b = model.write(tmp.resolve("b"));
        Map<String, String> first = ids(a, "gen");
        assertThat(ids(a, "gen")).isEqualTo(first);
        assertThat(ids(b, "gen")).isEqualTo(first);
        Production p = RecipeCompilerTest.read(a);
        for (Recipe recipe : compile(p, "gen")) {
            assertThat(Recipe.parse(recipe.canonical())).isEqualTo(recipe.withoutInputs());
            // every key the backend binds is in the recipe: a file by hash, or a blank that says why
            assertThat(recipe.content().bound()).extracting(RecipeContent.Bound::key)
                    .containsExactlyElementsOf(new TreeSet<>(model.allKeys()));
            for (RecipeContent.Bound bound : recipe.content().bound()) {
                CastedProduction.ShotModel shot = model.shots.stream().filter(s -> s.id().equals(recipe.shot()))
                        .findFirst().orElseThrow();
                assertThat(bound.ref().map(RecipeContent.Ref::path)).as(bound.key()).isEqualTo(model.binds(shot, bound.key()));
                bound.ref().ifPresent(ref -> assertThat(ref.sha256()).isPresent());
                bound.blank().ifPresent(why -> assertThat(why).isNotBlank());
            }
        }
    }

    static List<Recipe> compile(Production p, String backend) {
        return new RecipeCompiler(p).compileAll(Target.of(p.manifest().backends().get(backend), "1"), Optional.empty());
    }

    private static Map<String, String> ids(Path dir, String backend) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (Recipe r : compile(RecipeCompilerTest.read(dir), backend)) {
            out.put(r.shot(), r.id());
        }
        return out;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> out = new TreeSet<>();
        before.forEach((shot, id) -> {
            if (!id.equals(after.get(shot))) {
                out.add(shot);
            }
        });
        return out;
    }
}
