package film.slate.bench;

import film.slate.core.model.BackendConfig;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Target;
import film.slate.engine.build.Backends;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recipe compile for every take of a 2,000-shot production, as {@code slate build} and
 * {@code slate status} do it: continuity worked out, every take's recipe built, canonicalised
 * (RFC 8785) and hashed, reference files hashed once. {@code feature}: the bench's feature (120
 * scenes, 2,000 shots, 40 characters, one take a shot); {@code tests}: the engine and CLI tests'
 * production at 200 x 10 (2,000 shots, 2,400 takes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecipeCompileBenchmark {
    @Param({"feature", "tests"})
    public String production;

    private Production read;
    private Target target;

    @Setup
    public void write() throws Exception {
        Path dir = Files.createTempDirectory("slate-bench-recipes-");
        if (production.equals("feature")) {
            SyntheticProduction.feature().write(dir);
        } else {
            film.slate.core.testing.SyntheticProduction.write(dir, 200, 10);
        }
        read = ProductionReader.read(dir).production();
        try (Backends backends = new Backends(read, new Generators(Map.of()).with(new Stub()))) {
            target = backends.target(backends.resolveName(Optional.empty()));
        }
        int takes = compile().size();
        if (takes < 2000) {
            throw new IllegalStateException("the " + production + " production compiled to " + takes + " takes");
        }
    }

    @Benchmark
    public List<Recipe> compile() {
        return new RecipeCompiler(read).compileAll(target, Optional.empty());
    }

    /** Serves the previz type with the no-op generator: only its version enters the recipes. */
    static final class Stub implements GeneratorProvider {
        @Override
        public String type() {
            return "previz";
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new NoOpGenerator();
        }
    }
}
