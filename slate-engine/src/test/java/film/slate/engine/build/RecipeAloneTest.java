package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Generators;
import film.slate.engine.previz.PrevizGenerator;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A take is a function of its recipe and the objects it names (real previz, real FFmpeg): edits
 * to the production between the plan and the render change nothing in it, and rendering the recipe
 * in an empty folder gives the same bytes. The property runs over seeded random edits, deletions
 * and garbage (more with {@code -Dslate.trials=N}).
 */
class RecipeAloneTest {
    static final Generators PREVIZ = new Generators(Map.of()).with(new PrevizGenerator.Provider());

    @TempDir
    Path tmp;

    /** A take's recipe id and master object, by label. */
    record Made(String recipe, String master) {
    }

    /** Plans the build, runs {@code between} on the production folder, then builds that plan. */
    static Map<String, Made> planEditBuild(Path dir, Consumer<Path> between) throws Exception {
        Production p = ProductionReader.read(dir).production();
        Map<String, Made> out = new LinkedHashMap<>();
        try (Store store = Store.open(dir); Backends backends = new Backends(p, PREVIZ)) {
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target("main"), ShotSelector.all(),
                    Optional.empty(), store);
            between.accept(dir);
            BuildSummary s = new Builder(store, backends, BuildTest.options()).run(plan, e -> { });
            assertThat(s.failed()).isZero();
            for (PlannedTake t : plan.takes()) {
                TakeRecord take = store.takes().withRecipe(t.recipe().id()).orElseThrow();
                out.put(t.recipe().label(), new Made(take.recipe(), take.master().orElseThrow()));
            }
        }
        return out;
    }

    @Test
    void aTakeMadeAfterAnEditMatchesTheRecipePlannedBeforeIt() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Path shots = dir.resolve("shots/0001.yaml");
        Map<String, Made> made = planEditBuild(dir, d -> rewrite(shots, s -> s.replace("lens: 24", "lens: 85")
                .replace("at: [2, 3]", "at: [1, 1]")));
        Production edited = ProductionReader.read(dir).production();
        try (Store store = Store.open(dir); Backends backends = new Backends(edited, PREVIZ)) {
            BuildPlan now = BuildPlan.of(new RecipeCompiler(edited), backends.target("main"), ShotSelector.all(),
                    Optional.empty(), store);
            assertThat(now.takes()).allMatch(PlannedTake::missing); // the edit was material to every take
            for (Made m : made.values()) {
                var recipe = store.recipes().get(m.recipe()).orElseThrow();
                Path out = tmp.resolve("alone").resolve(m.recipe());
                RecipeRender.Output alone = new RecipeRender(PREVIZ, Optional.empty(), ObjectFolder.NONE).render(recipe, out);
                assertThat(Files.readAllBytes(alone.files().get("master")))
                        .isEqualTo(Files.readAllBytes(store.objects().path(m.master())));
            }
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 3 * Integer.getInteger("slate.trials", 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aTakeNeverDependsOnAFileItsRecipeDoesNotName(int seed) throws Exception {
        Map<String, Made> untouched = planEditBuild(SyntheticProduction.write(tmp.resolve("a"), 1, 3), d -> { });
        Random random = new Random(0xED17_0000L + seed);
        List<String> done = new ArrayList<>();
        Map<String, Made> edited = planEditBuild(SyntheticProduction.write(tmp.resolve("b"), 1, 3),
                d -> done.addAll(editUnnamedFiles(d, random)));
        assertThat(edited).as("after %s", done).isEqualTo(untouched);
    }

    /** One to four random edits of files no recipe names (every file but the references and the store). */
    static List<String> editUnnamedFiles(Path dir, Random random) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith(".slate"))
                    .filter(f -> !dir.relativize(f).startsWith("bible/refs")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> done = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Path f = files.get(random.nextInt(files.size()));
            int kind = random.nextInt(4);
            done.add(kind + ":" + dir.relativize(f));
            switch (kind) {
                case 0 -> write(f, new byte[0]);
                case 1 -> {
                    byte[] junk = new byte[1 + random.nextInt(200)];
                    random.nextBytes(junk);
                    write(f, junk);
                }
                case 2 -> rewrite(f, s -> s.replaceAll("\\d", Integer.toString(random.nextInt(10))));
                default -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return done;
    }

    static void rewrite(Path f, java.util.function.UnaryOperator<String> edit) {
        try {
            if (Files.exists(f)) {
                Files.writeString(f, edit.apply(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
