package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.store.db.Fixes;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fixes table (V5) on both dialects: a fix chain recorded with its take versions, read back, resolved to its root. */
class FixesTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aChainOfFixesIsRecordedAndEachBelongsToItsRoot(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Recipe root = DatabaseTest.recipe("1/1A", 1, "a");
            s.recipes().put(List.of(root));
            RecipeContent.BackendRef b = new RecipeContent.BackendRef("main", "previz", "1", "0");
            FixRecipe f1 = FixRecipe.of("test", "1/1A", 1, root.id(),
                    new FixEdit(2, 5, "ab".repeat(32), 64, 36, 3, Optional.empty(), Map.of("time", "DAY"), b));
            FixRecipe f2 = FixRecipe.of("test", "1/1A", 1, f1.id(),
                    new FixEdit(0, 1, "cd".repeat(32), 64, 36, 0, Optional.of("rain"), Map.of(), b));
            s.database().transaction(c -> {
                s.takes().append(c, "1/1A", 1, root.id(), "main", new Takes.Output("00".repeat(32), Optional.empty(),
                        Optional.empty()), 1, 2, OptionalDouble.empty());
                for (FixRecipe f : List.of(f1, f2)) {
                    s.fixes().put(c, f, root.id(), 3);
                    s.fixes().put(c, f, root.id(), 4); // once only
                    s.takes().append(c, "1/1A", 1, f.id(), "main", new Takes.Output("11".repeat(32), Optional.empty(),
                            Optional.empty()), 3, 4, OptionalDouble.empty());
                }
                return null;
            });
            assertThat(s.fixes().ofShot("1/1A")).extracting(Fixes.Stored::recipe).containsExactly(f1, f2);
            assertThat(s.fixes().get(f2.id()).orElseThrow().parent()).isEqualTo(f1.id());
            assertThat(s.fixes().roots()).containsOnly(Map.entry(f1.id(), root.id()), Map.entry(f2.id(), root.id()));
            assertThat(s.fixes().masks()).containsExactlyInAnyOrder("ab".repeat(32), "cd".repeat(32));
            assertThat(s.recipes().get(f2.id())).contains(root);
            assertThat(s.takes().ofShot("1/1A")).extracting(TakeRecord::version).containsExactly(1, 2, 3);
            assertThat(FixRecipe.parse(f2.canonical())).isEqualTo(f2);
        }
    }
}
