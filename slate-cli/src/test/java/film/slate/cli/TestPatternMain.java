package film.slate.cli;

import film.slate.engine.testing.TestPatternGenerator;
import java.io.PrintWriter;

/**
 * {@code slate} in a child JVM with the test-pattern generator for type previz and a short retry
 * wait, given to {@link Main}'s constructor. The test pattern's faults in a child process come from
 * its own {@code slate.test.*} settings (test code, read in the child alone).
 */
final class TestPatternMain {
    private TestPatternMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Slate.rig(new TestPatternGenerator.Provider())));
    }
}
