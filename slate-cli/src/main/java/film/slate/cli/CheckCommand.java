package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.plan.QuickFixes;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ReadProduction;
import film.slate.core.report.QuickFix;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.report.DiagnosticReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code slate check}: every rule of the format over a production, as a compiler reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a production: syntax, schema, references, continuity, film grammar, timing and rights.",
            "Exit codes: 0 no errors, 1 errors found, 2 cannot run (no such folder, not a production)."})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif.")
    Format format = Format.text;

    @Option(names = "--fix", description = "Apply the suggested repair of every finding that has one to the YAML, then check again.")
    boolean fix;

    @Override
    public Integer call() {
        List<Diagnostic> diagnostics;
        Map<Diagnostic, QuickFix> fixes;
        try {
            ReadProduction read = CameraIntents.solve(ProductionReader.read(dir));
            diagnostics = Checker.check(read);
            fixes = QuickFixes.of(read.production(), diagnostics, this::text);
            if (fix && !fixes.isEmpty()) {
                int changed = CheckFixes.apply(dir, fixes.values(), this::text);
                int distinct = new java.util.HashSet<>(fixes.values()).size(); // two findings may share one repair
                spec.commandLine().getErr().println("slate check: applied " + distinct + (distinct == 1 ? " fix" : " fixes")
                        + " to " + changed
                        + (changed == 1 ? " file" : " files"));
                read = CameraIntents.solve(ProductionReader.read(dir));
                diagnostics = Checker.check(read);
                fixes = QuickFixes.of(read.production(), diagnostics, this::text);
            }
        } catch (NotAProductionException e) {
            spec.commandLine().getErr().println("slate check: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate check: " + e.getMessage());
            return e.exitCode();
        }
        DiagnosticReport report = new DiagnosticReport(diagnostics, fixes);
        var out = spec.commandLine().getOut();
        switch (format) {
            case text -> out.print(report.text());
            case json -> out.print(report.json());
            case sarif -> out.print(report.sarif(new Main.Version().getVersion()[0].replace("slate ", "")));
        }
        out.flush();
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** A production-relative file's text, or empty when it cannot be read (that finding then has no fix). */
    private Optional<String> text(String file) {
        try {
            return Optional.of(Files.readString(dir.resolve(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
