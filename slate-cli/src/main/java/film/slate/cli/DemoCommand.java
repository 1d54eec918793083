package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Production;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.report.DiagnosticReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate demo}: the main job on the bundled example, start to finish, with where to look next. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Copy the bundled example film (The Lighthouse Keeper) to a working folder and run Slate on it:",
            "check it and say what was found and where to look next.",
            "Exit codes: 0 done, 2 the folder cannot be used, 4 a file could not be written."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "lighthouse";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Where to put the working copy (must be empty or absent; default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work;
        try {
            work = workFolder();
        } catch (IllegalArgumentException e) {
            err.println("slate demo: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            err.println("slate demo: cannot create the working folder (" + e.getMessage() + "); name a writable folder");
            return ExitCode.IO;
        }
        try {
            BundledExample.copy(EXAMPLE, work);
        } catch (IOException e) {
            err.println("slate demo: cannot copy the example into " + work + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
        out.println("Slate demo: The Lighthouse Keeper, copied to " + work);
        ReadProduction read;
        try {
            read = ProductionReader.read(work);
        } catch (NotAProductionException e) {
            err.println("slate demo: the bundled example is damaged (" + e.getMessage() + ")");
            return ExitCode.INTERNAL;
        }
        Production p = read.production();
        List<Diagnostic> diagnostics = Checker.check(read);
        out.println();
        out.println("1. Check: " + p.scenes().size() + " scenes, " + p.shots().size() + " shots, "
                + p.bible().characters().size() + " characters; " + new DiagnosticReport(diagnostics).summary() + ".");
        diagnostics.forEach(d -> out.println("   " + d));
        out.println();
        out.println("Where to look next:");
        out.println("  the production     " + work + " (slate.yaml, screenplay.fountain, bible/, shots/)");
        out.println("  check it again     slate check " + work);
        out.println("  read the script    slate script " + work);
        out.println("  the breakdown      slate breakdown " + work + " --format html --out breakdown.html");
        out.flush();
        return ExitCode.OK;
    }

    private Path workFolder() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("slate-demo-");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file; name a new or empty folder");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; name a new or empty folder so nothing is overwritten");
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
