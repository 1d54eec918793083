package film.slate.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.build.Status;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.BackendBuild;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild semantics (issue 14 §3): a fix belongs to its parent's recipe. A plan edit that changes
 * that recipe renders the take again and shows the fixes stale, edits kept; reapplying puts the same
 * edits, in order, on the new render, with the same locality; reapplying again makes nothing new.
 */
class ReapplyFixesTest {
    @TempDir
    Path tmp;

    @Test
    void aChangedPlanRendersAgainShowsTheFixesStaleAndReapplyPutsTheSameEditsOnTheNewTake() throws Exception {
        Path dir = tmp.resolve("p");
        String shot = "1/1S1";
        List<FixRecipeEdit> edits;
        try (FixProduction p = FixProduction.open(dir, 1, 1)) {
            Fixer fixer = p.fixer(x -> { });
            fixer.fix(new FixOrder(shot, 1, Optional.empty(), 1, 5, new FixOrder.Region(4, 4, 20, 12), Optional.empty(),
                    Map.of("time", "DAY"), Optional.empty(), 2));
            fixer.fix(new FixOrder(shot, 1, Optional.empty(), 3, 9, new FixOrder.Region(30, 10, 30, 20),
                    Optional.of("rain"), Map.of(), Optional.of("noise"), 0));
            edits = p.store.fixes().ofShot(shot).stream().map(f -> new FixRecipeEdit(f.recipe().edit())).toList();
            assertThat(plan(p.dir, p).takes().get(0)).satisfies(t -> assertThat(Status.need(t)).isEqualTo(Status.Need.NOTHING));
        }
        Path chars = dir.resolve("bible/characters.yaml");
        Files.writeString(chars, Files.readString(chars).replace("weathered face", "weathered face, scar on the chin"));
        BackendBuild.run(dir, 2).store().close();
        try (FixProduction p = FixProduction.reopen(dir)) {
            List<TakeRecord> versions = p.store.takes().ofShot(shot);
            assertThat(versions).hasSize(4); // render, two fixes, the new render
            BuildPlan plan = plan(dir, p);
            String current = plan.takes().get(0).recipe().id();
            assertThat(versions.get(3).recipe()).isEqualTo(current);
            Lineage before = Lineage.of(p.store, shot, Map.of(1, current));
            assertThat(before.takes().get(0).versions()).extracting(Lineage.Version::stale)
                    .containsExactly(true, true, true, false);

            List<Reapply.Outcome> outcomes = Reapply.run(p.store, p.backends, p.fixer(x -> { }), plan.takes());
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).refused()).isEmpty();
            List<Fixer.Made> made = outcomes.get(0).made();
            assertThat(made).extracting(m -> m.version().version()).containsExactly(5, 6);
            assertThat(made).extracting(m -> new FixRecipeEdit(m.fix().edit())).isEqualTo(edits);
            assertThat(made.get(0).fix().parent()).isEqualTo(current);
            assertThat(made.get(1).fix().parent()).isEqualTo(made.get(0).fix().id());
            Lineage after = Lineage.of(p.store, shot, Map.of(1, current));
            assertThat(after.takes().get(0).versions().get(5).stale()).isFalse();
            assertThat(after.takes().get(0).versions().get(5).depth(after.takes().get(0).versions())).isEqualTo(2);
            assertThat(Status.need(plan(dir, p).takes().get(0))).isEqualTo(Status.Need.NOTHING);

            TakeRecord render = versions.get(3);
            FixOrder first = new FixOrder(shot, 1, Optional.empty(), 1, 5, new FixOrder.Region(4, 4, 20, 12),
                    Optional.empty(), Map.of("time", "DAY"), Optional.empty(), 2);
            EditLocalityTest.check(decode(p, render), decode(p, made.get(0).version()), null,
                    film.slate.media.composite.Mask.region(64, 36, 4, 4, 20, 12), first);

            List<Reapply.Outcome> again = Reapply.run(p.store, p.backends, p.fixer(x -> { }), plan.takes());
            assertThat(again.get(0).made()).allMatch(Fixer.Made::existed);
            assertThat(p.store.takes().ofShot(shot)).hasSize(6);
        }
    }

    /** A fix's edit without its backend version (the same generator either way here). */
    record FixRecipeEdit(int first, int last, String mask, int feather, Optional<String> prompt, Map<String, String> set,
            String backend) {
        FixRecipeEdit(film.slate.core.recipe.FixEdit e) {
            this(e.first(), e.last(), e.mask(), e.feather(), e.prompt(), e.set(), e.backend().name());
        }
    }

    private static BuildPlan plan(Path dir, FixProduction p) throws Exception {
        Production prod = ProductionReader.read(dir).production();
        try (Backends b = new Backends(prod, Generators.discover())) {
            return BuildPlan.of(new RecipeCompiler(prod), b.target("main"), ShotSelector.all(), Optional.empty(), p.store);
        }
    }

    private static List<byte[]> decode(FixProduction p, TakeRecord t) {
        return EditLocalityTest.decode(p.store.objects().path(t.master().orElseThrow()));
    }
}
