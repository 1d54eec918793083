package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildException;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.PlannedTake;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.generator.Generators;
import film.slate.review.Edition;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The production as the review room shows it, following its files: each ask scans the folder
 * ({@link InputFiles}, what the plan cache stamps with) and only when a file changed is the
 * production read, checked and compiled again. A read that stops a command (a file that does not
 * parse, an error) keeps the last good production and recipes, with the new findings beside them.
 * The room asks at most once a second.
 */
final class RoomEditions implements Supplier<Edition> {
    private final Path root;
    private final Store store;
    private final Generators generators;
    private InputFiles files;
    private long scannedAt;
    private Edition current;

    RoomEditions(Workspace ws) throws CommandError {
        this.root = ws.production.root();
        this.store = ws.store;
        this.generators = ws.backends.generators();
        this.files = scan(new InputFiles(Map.of()), 0).orElse(new InputFiles(Map.of()));
        this.scannedAt = System.currentTimeMillis();
        BuildPlan plan = ws.plan(Optional.empty(), Optional.empty(), Optional.empty());
        this.current = new Edition(1, ws.production, plan.backend(), recipes(plan), findings(read().orElseThrow()));
    }

    @Override
    public synchronized Edition get() {
        long now = System.currentTimeMillis();
        Optional<InputFiles> seen = scan(files, scannedAt);
        scannedAt = now;
        if (seen.isPresent() && !seen.get().equals(files)) {
            files = seen.get();
            current = next(current);
        }
        return current;
    }

    private Optional<InputFiles> scan(InputFiles previous, long previousAt) {
        try {
            return Optional.of(InputFiles.scan(root, previous, previousAt));
        } catch (IOException e) {
            return Optional.empty(); // unreadable now: keep what was shown, look again next time
        }
    }

    /** The edition after a change of files: read, checked and, when nothing stops it, compiled. */
    private Edition next(Edition before) {
        Optional<ReadProduction> read = read();
        if (read.isEmpty()) {
            return before; // slate.yaml went away while serving: keep showing the last production
        }
        Map<String, List<String>> findings = findings(read.get());
        if (Workspace.stopping(read.get()).isPresent()) {
            return new Edition(before.number() + 1, before.production(), before.backend(), before.recipes(), findings);
        }
        try (Backends backends = new Backends(read.get().production(), generators)) {
            String name = backends.resolveName(Optional.empty());
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(read.get().production()), backends.target(name),
                    ShotSelector.all(), Optional.empty(), store);
            return new Edition(before.number() + 1, read.get().production(), name, recipes(plan), findings);
        } catch (BuildException | RuntimeException e) {
            return new Edition(before.number() + 1, before.production(), before.backend(), before.recipes(), findings);
        }
    }

    private Optional<ReadProduction> read() {
        try {
            return Optional.of(CameraIntents.solve(ProductionReader.read(root)));
        } catch (NotAProductionException e) {
            return Optional.empty();
        }
    }

    private static List<Recipe> recipes(BuildPlan plan) {
        return plan.takes().stream().map(PlannedTake::recipe).toList();
    }

    /** {@code slate check}'s findings about each shot, as {@code SEVERITY RULE: message}. */
    static Map<String, List<String>> findings(ReadProduction read) {
        Map<String, List<String>> out = new TreeMap<>();
        for (var d : Checker.check(read)) {
            d.shot().ifPresent(s -> out.computeIfAbsent(s, k -> new ArrayList<>())
                    .add(d.severity().name().toLowerCase(Locale.ROOT) + " " + d.rule().id() + ": " + d.message()));
        }
        return out;
    }
}
