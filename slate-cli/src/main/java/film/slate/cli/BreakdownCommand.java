package film.slate.cli;

import film.slate.core.breakdown.Breakdown;
import film.slate.media.file.WholeFile;
import film.slate.core.breakdown.BreakdownInputs;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.screenplay.Screenplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate breakdown}: the breakdown sheet and stripboard of a production's screenplay. */
@Command(name = "breakdown", mixinStandardHelpOptions = true,
        description = {"Print the breakdown sheet: per scene its number, heading, INT/EXT, location, time of day,"
                + " length in eighths, estimated screen time, cast, bible props, dialogue words and planned shots;"
                + " then the totals and the cast list.",
            "--format html writes a printable stripboard (white INT DAY, yellow EXT DAY, blue INT NIGHT,"
                    + " green EXT NIGHT) with cast numbers, sortable by location.",
            "--report cast lists per cast member (numbered in billing order) the scenes, pages in eighths and"
                    + " first and last appearance.",
            "Exit codes: 0 done, 2 cannot run (no such folder, not a production), 3 slate.yaml does not parse,"
                    + " 4 cannot read or write."})
public final class BreakdownCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text, json, csv, html
    }

    /** What to report: the breakdown sheet (with the stripboard as HTML) or the cast by scene. */
    enum Report {
        sheet, cast
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The production folder (or a bare .fountain file); default: the current folder.")
    Path path;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, csv or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--report", defaultValue = "sheet", paramLabel = "REPORT",
            description = "sheet (the breakdown sheet; HTML is the stripboard) or cast (per cast member the scenes,"
                    + " pages in eighths, first and last appearance); default: ${DEFAULT-VALUE}.")
    Report report;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the standard output.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProductionFolder production = ProductionFolder.open(path);
            FountainDocument document = production.screenplay();
            BreakdownInputs inputs = production.breakdownInputs(err);
            Breakdown breakdown = Breakdown.of(Screenplay.of(document), inputs);
            String rendered = report == Report.cast ? switch (format) {
                case text -> BreakdownCastReport.text(breakdown);
                case json -> BreakdownCastReport.json(breakdown);
                case csv -> BreakdownCastReport.csv(breakdown);
                case html -> BreakdownCastReport.html(breakdown);
            } : switch (format) {
                case text -> BreakdownReport.text(breakdown);
                case json -> BreakdownReport.json(breakdown);
                case csv -> BreakdownReport.csv(breakdown);
                case html -> BreakdownHtml.render(breakdown);
            };
            write(rendered);
            return ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate: " + e.getMessage());
            return e.exitCode();
        }
    }

    private void write(String rendered) throws CommandError {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(rendered);
            stdout.flush();
            return;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            WholeFile.text(out, rendered);
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot write " + out + " (" + e.getMessage() + "); choose another"
                    + " --out file");
        }
    }
}
