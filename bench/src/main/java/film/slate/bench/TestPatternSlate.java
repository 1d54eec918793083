package film.slate.bench;

import film.slate.cli.Main;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.TestPatternGenerator;
import java.io.PrintWriter;

/** {@code slate} with the engine tests' test-pattern generator for type previz: the build benchmark's renders. */
public final class TestPatternSlate {
    private TestPatternSlate() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Generators.discover().with(new TestPatternGenerator.Provider())));
    }
}
