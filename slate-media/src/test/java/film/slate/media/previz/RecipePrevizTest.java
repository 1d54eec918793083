package film.slate.media.previz;

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
import film.slate.core.yaml.YamlMapping;
import film.slate.media.TestFilm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Previz drawn from a recipe alone (read back from its stored text, no production at hand) is
 * the previz drawn from the production: the same golden hashes, and the same pixels for every
 * shot of the example film.
 */
class RecipePrevizTest {
    static final Target PREVIZ = Target.of(new BackendConfig("previz", "previz",
            new YamlMapping(List.of(), SourcePosition.ofFile("slate.yaml")),
            Positions.of(SourcePosition.ofFile("slate.yaml"))), "slate-previz/2");

    @TempDir
    Path dir;

    static PrevizShot fromStoredRecipe(Production p, Shot shot, int take) {
        Recipe compiled = new RecipeCompiler(p).compile(shot, take, PREVIZ);
        return Previz.shot(Recipe.parse(compiled.canonical()).content(), p.manifest().title());
    }

    @Test
    void theGoldenTakesComeOutOfTheirRecipes() throws Exception {
        Production p = TestFilm.read(TestFilm.write(dir.resolve("film"))).production();
        DeterminismTest golden = new DeterminismTest();
        golden.dir = dir;
        for (var id : List.of("1/1A", "1/1B")) {
            Shot shot = p.shots().stream().filter(s -> s.fullId().equals(id)).findFirst().orElseThrow();
            assertThat(golden.masterHash(fromStoredRecipe(p, shot, 1), id.replace('/', '-')))
                    .isEqualTo(id.equals("1/1A") ? DeterminismTest.GOLDEN_1A : DeterminismTest.GOLDEN_1B);
        }
    }

    @Test
    void everyShotOfTheExampleDrawsTheSamePixelsFromItsRecipe() throws Exception {
        Production p = ProductionReader.read(Path.of("..", "examples", "lighthouse")).production();
        Previz previz = Previz.of(p);
        for (Shot shot : p.shots()) {
            for (int take = 1; take <= 2; take++) {
                PrevizShot expected = previz.shot(shot.fullId(), take).orElseThrow();
                PrevizShot actual = fromStoredRecipe(p, shot, take);
                assertThat(actual.frames()).isEqualTo(expected.frames());
                assertThat(actual.seed()).isEqualTo(expected.seed());
                for (int i : new int[] {0, expected.frames() / 3, expected.frames() / 2, expected.frames() - 1}) {
                    assertThat(DeterminismTest.bytes(actual.picture(i, BurnIn.SHOT)))
                            .as("%s take %d frame %d", shot.fullId(), take, i)
                            .isEqualTo(DeterminismTest.bytes(expected.picture(i, BurnIn.SHOT)));
                    assertThat(DeterminismTest.bytes(actual.depth(i))).isEqualTo(DeterminismTest.bytes(expected.depth(i)));
                }
            }
        }
    }

    @Test
    void aRecipeCarriesNoMoreThanItsPicture() {
        Production p = TestFilm.read(TestFilm.write(dir.resolve("film"))).production();
        Optional<PrevizShot> any = Optional.of(fromStoredRecipe(p, p.shots().get(0), 1));
        assertThat(any.get().slate()).isEqualTo(Previz.of(p).shot(p.shots().get(0).fullId(), 1).orElseThrow().slate());
    }
}
