package film.slate.bench;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code slate check} in process on the synthetic feature: read the folder, run every rule. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckBenchmark {
    private Path production;

    @Setup
    public void write() throws IOException {
        production = Files.createTempDirectory("slate-bench-check-");
        SyntheticProduction.feature().write(production);
    }

    @Benchmark
    public List<Diagnostic> check() throws NotAProductionException {
        return Checker.check(ProductionReader.read(production));
    }
}
