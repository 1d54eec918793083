package film.slate.cli;

import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.TestPatternGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs slate in this JVM or as a child process with the test-pattern generator for type previz,
 * handed to {@link Main}'s constructor (its faults too): nothing is set JVM-wide.
 */
final class Slate {
    /** A child JVM's main class: slate with the test pattern ({@link TestPatternMain}). */
    static final String MAIN = TestPatternMain.class.getName();
    /** A short wait before a failed take's first retry, so that tests of retries run quickly. */
    static final Duration RETRY_BASE = Duration.ofMillis(20);

    record Run(int code, String out, String err) {
    }

    private Slate() {
    }

    /** Copies the bundled example production (examples/lighthouse) into {@code dir}. */
    static void copyExample(Path dir) throws IOException {
        Path example = Path.of("..", "examples", "lighthouse");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(example.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }

    /** {@code slate args} with the test pattern, no faults. */
    static Run inProcess(String... args) {
        return inProcess(TestPatternGenerator.Faults.NONE, args);
    }

    /** {@code slate args} with the test pattern failing as {@code faults} says. */
    static Run inProcess(TestPatternGenerator.Faults faults, String... args) {
        return inProcess(rig(new TestPatternGenerator.Provider(faults)), args);
    }

    /** {@code slate args} with {@code rig}'s generators. */
    static Run inProcess(Rig rig, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), rig);
        return new Run(code, out.toString(), err.toString());
    }

    /** The generators on the class path with {@code stand-in} in place of its type's, and a short retry wait. */
    static Rig rig(GeneratorProvider standIn) {
        return new Rig(Generators.discover().with(standIn), RETRY_BASE);
    }

    /** A child JVM running {@code slate args}; extra system properties as {@code -Dk=v} strings. */
    static Process start(Path log, List<String> props, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dslate.test.log=" + log));
        cmd.addAll(props);
        cmd.add(MAIN);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
