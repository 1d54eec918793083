package film.slate.bench;

import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Job-runner overhead: a full build of the synthetic production (scenes x 10 shots) with the
 * {@link NoOpGenerator}, in process, on a fresh store each round; prints takes per second of
 * {@link Builder#run} alone (reading and compiling are not counted), and per CPU-second of the process. Not JMH: one round renders
 * thousands of takes through the real queue, database and object store, so it is its own loop.
 * Run: {@code java -cp slate-bench.jar:lib/* film.slate.bench.RunnerBench [SCENES] [JOBS] [ROUNDS]}.
 */
public final class RunnerBench {
    private RunnerBench() {
    }

    public static void main(String[] args) throws Exception {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Files.createTempDirectory("slate-bench-runner-");
        try {
            for (int round = 1; round <= rounds; round++) {
                Path dir = SyntheticProduction.write(root.resolve("p" + round), scenes, 10, NoOpGenerator.TYPE, "");
                var production = ProductionReader.read(dir).production();
                try (Store store = Store.open(dir); Backends backends = new Backends(production, Generators.discover().with(new NoOpGenerator.Provider()))) {
                    BuildPlan plan = BuildPlan.of(new RecipeCompiler(production),
                            backends.target(backends.resolveName(Optional.empty())), ShotSelector.all(), Optional.empty(),
                            store);
                    long t0 = System.nanoTime();
                    long cpu0 = FarmCpu.process();
                    BuildSummary s = new Builder(store, backends, BuildOptions.defaults().withJobs(jobs)).run(plan,
                            e -> { });
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpu = (FarmCpu.process() - cpu0) / 1e6;
                    System.out.printf(Locale.ROOT, "round %d: jobs %d, %d rendered, %d failed in %.2f s = %.0f takes/s;"
                            + " CPU %.1f s = %.0f takes per CPU-second; load %s%n", round, jobs, s.rendered(), s.failed(),
                            seconds, s.rendered() / seconds, cpu, s.rendered() / cpu, FarmCpu.load());
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
