package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.read.NotAProductionException;
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

    @Override
    public Integer call() {
        List<Diagnostic> diagnostics;
        try {
            diagnostics = Checker.check(ProductionReader.read(dir));
        } catch (NotAProductionException e) {
            spec.commandLine().getErr().println("slate check: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
        DiagnosticReport report = new DiagnosticReport(diagnostics);
        var out = spec.commandLine().getOut();
        switch (format) {
            case text -> out.print(report.text());
            case json -> out.print(report.json());
            case sarif -> out.print(report.sarif(new Main.Version().getVersion()[0].replace("slate ", "")));
        }
        out.flush();
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
