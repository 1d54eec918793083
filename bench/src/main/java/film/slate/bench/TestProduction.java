package film.slate.bench;

import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Path;

/**
 * Writes the engine and CLI tests' synthetic production (slate-core's test-jar) for the build
 * benchmarks: {@code TestProduction OUT [SCENES] [SHOTS_PER_SCENE] [BACKEND_TYPE]}; the default,
 * 200 x 10, is 2,000 shots and 2,400 takes at 64x36.
 */
public final class TestProduction {
    private TestProduction() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: TestProduction OUT [SCENES] [SHOTS_PER_SCENE] [BACKEND_TYPE]");
            System.exit(2);
        }
        SyntheticProduction.write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 200,
                args.length > 2 ? Integer.parseInt(args[2]) : 10, args.length > 3 ? args[3] : "previz", "");
    }
}
