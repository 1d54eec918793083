package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.recipe.Recipe;
import film.slate.store.db.DamagedRecipeException;
import film.slate.store.db.Recipes;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recipe row whose text no longer hashes to its id (damaged after it was written: the row's id names the
 * takes made from it) is refused by every reader with one sentence naming the recipe and {@code slate verify},
 * never read under its own hash; the rows beside it read as before; {@code slate verify} lists it and
 * {@code --repair} restores it from the recipe's object; a build that stores the recipe again mends it. A text
 * that differs only in layout (whitespace) reads as the same recipe and is no damage. Seeded, both databases.
 */
class DamagedRecipeTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    /** How a row's text is damaged. */
    enum Damage {
        /** Still a valid canonical recipe, of other content (a changed prompt): the dangerous kind. */
        OTHER_RECIPE,
        /** Cut short: not JSON any more. */
        TRUNCATED,
        /** One character changed at a seeded place. */
        CHARACTER,
        /** Spaces between the members: the same recipe, not damaged. */
        LAYOUT_ONLY
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            for (long seed = 0; seed < 8; seed++) {
                out.add(Arguments.of(kind, seed, Damage.values()[(int) (seed % Damage.values().length)]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1} {2}")
    @MethodSource("cases")
    void aDamagedRowIsRefusedByNameListedByVerifyAndMended(StoreKind kind, long seed, Damage damage) throws Exception {
        Random random = new Random(seed);
        try (Store s = STORES.open(kind, tmp)) {
            List<Recipe> recipes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                recipes.add(DatabaseTest.recipe("d/" + (1 + i), 1, "seed " + seed + " recipe " + i));
            }
            s.recipes().put(recipes);
            Recipe hit = recipes.get(random.nextInt(recipes.size()));
            String text = damaged(hit.canonical(), damage, random);
            setBody(s, hit.id(), text);
            List<String> ids = recipes.stream().map(Recipe::id).toList();

            if (damage == Damage.LAYOUT_ONLY) {
                assertThat(s.recipes().get(hit.id())).contains(hit.withoutInputs());
                assertThat(s.recipes().damaged()).isEmpty();
                assertThat(Audit.run(s).problems()).isEmpty();
                return;
            }
            assertThatThrownBy(() -> s.recipes().get(hit.id())).isInstanceOf(DamagedRecipeException.class)
                    .hasMessageContaining(hit.id().substring(0, 12)).hasMessageContaining("slate verify")
                    .hasMessageContaining("take " + hit.shot() + "#1");
            assertThatThrownBy(() -> s.recipes().getAll(ids)).isInstanceOf(DamagedRecipeException.class);
            Recipes.Read read = s.database().read(c -> s.recipes().read(c, ids));
            assertThat(read.damaged()).extracting(DamagedRecipeException::recipe).containsExactly(hit.id());
            assertThat(read.sound().keySet()).containsExactlyInAnyOrderElementsOf(ids.stream()
                    .filter(id -> !id.equals(hit.id())).toList());
            for (Recipe r : recipes) {
                if (r != hit) {
                    assertThat(s.recipes().get(r.id())).contains(r.withoutInputs());
                }
            }

            Audit.Findings found = Audit.run(s);
            assertThat(found.damagedRecipes()).containsExactly(hit.id());
            assertThat(found.problems()).extracting(Audit.Problem::kind).containsExactly(Audit.Kind.DAMAGED_RECIPE);
            boolean keptAsObject = random.nextBoolean();
            if (keptAsObject) {
                s.objects().put(hit.canonical().getBytes(StandardCharsets.UTF_8)); // a rendered take's recipe is kept so
            }
            Audit.Repair repair = Audit.repair(s, found, "test");
            if (keptAsObject) {
                assertThat(repair.restoredRecipes()).containsExactly(hit.id());
            } else {
                assertThat(repair.restoredRecipes()).isEmpty();
                assertThatThrownBy(() -> s.recipes().get(hit.id())).isInstanceOf(DamagedRecipeException.class);
                s.recipes().put(List.of(hit)); // what 'slate build' does with the take's recipe
            }
            assertThat(s.recipes().get(hit.id())).contains(hit.withoutInputs());
            assertThat(body(s, hit.id())).isEqualTo(hit.canonical());
            assertThat(Audit.run(s).problems()).isEmpty();
        }
    }

    private static String damaged(String canonical, Damage damage, Random random) {
        return switch (damage) {
            case OTHER_RECIPE -> canonical.replace("recipe ", "recipe #");
            case TRUNCATED -> canonical.substring(0, 1 + random.nextInt(canonical.length() - 1));
            case CHARACTER -> {
                int at = random.nextInt(canonical.length());
                char was = canonical.charAt(at);
                yield canonical.substring(0, at) + (was == 'x' ? 'y' : 'x') + canonical.substring(at + 1);
            }
            case LAYOUT_ONLY -> canonical.replace(",\"", ", \"");
        };
    }

    private static void setBody(Store s, String id, String body) {
        s.database().autocommit(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE recipes SET body = ? WHERE id = ?")) {
                st.setString(1, body);
                st.setString(2, id);
                return st.executeUpdate();
            }
        });
    }

    private static String body(Store s, String id) {
        return s.database().read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT body FROM recipes WHERE id = ?")) {
                st.setString(1, id);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
