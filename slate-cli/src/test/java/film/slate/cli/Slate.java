package film.slate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs slate in this JVM or as a child process with the test-pattern generator for type previz. */
final class Slate {
    static final String PROVIDER = "film.slate.engine.testing.TestPatternGenerator$Provider";

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

    static Run inProcess(String... args) {
        System.setProperty("slate.generator.previz", PROVIDER);
        System.setProperty("slate.retry.base.ms", "20");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A child JVM running {@code slate args}; extra system properties as {@code -Dk=v} strings. */
    static Process start(Path log, List<String> props, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dslate.generator.previz=" + PROVIDER, "-Dslate.retry.base.ms=20", "-Dslate.test.log=" + log));
        cmd.addAll(props);
        cmd.add("film.slate.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
