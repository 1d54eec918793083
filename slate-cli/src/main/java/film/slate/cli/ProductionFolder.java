package film.slate.cli;

import film.slate.core.breakdown.BreakdownInputs;
import film.slate.core.diagnostic.Rule;
import film.slate.core.fountain.Fountain;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.model.Production;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the script tools need from a path: a production folder read through the production model,
 * or a bare {@code .fountain} file (then there is no bible and no plan). Files that do not parse
 * are left out with a warning, since {@code slate check} is where they get fixed.
 */
final class ProductionFolder {
    private final FountainDocument screenplay;
    private final Optional<ReadProduction> production;

    private ProductionFolder(FountainDocument screenplay, Optional<ReadProduction> production) {
        this.screenplay = screenplay;
        this.production = production;
    }

    /**
     * Opens a production folder or a {@code .fountain} file.
     *
     * @throws CommandError when the path is missing or is not a production with a screenplay
     */
    static ProductionFolder open(Path path) throws CommandError {
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".fountain") && !name.endsWith(".spmd") && !name.endsWith(".txt")) {
                throw new CommandError(ExitCode.CANNOT_RUN, path + " is not a screenplay (.fountain); name a .fountain file"
                        + " or a production folder");
            }
            try {
                return new ProductionFolder(Fountain.parse(path.getFileName().toString(), Files.readAllBytes(path)),
                        Optional.empty());
            } catch (IOException e) {
                throw new CommandError(ExitCode.IO, "cannot read " + path + " (" + e.getMessage() + ")");
            }
        }
        if (!Files.isDirectory(path)) {
            throw new CommandError(ExitCode.CANNOT_RUN, path + " does not exist; name a production folder or a"
                    + " .fountain file");
        }
        ReadProduction read;
        try {
            read = ProductionReader.read(path);
        } catch (NotAProductionException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, path + " is not a production folder (it has no slate.yaml);"
                    + " name the folder that holds slate.yaml, or a .fountain file");
        }
        if (read.diagnostics().stream().anyMatch(d -> d.rule() == Rule.SYNTAX_YAML && d.position().file().equals("slate.yaml"))) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, path.resolve("slate.yaml")
                    + " does not parse as YAML; run 'slate check' to see where");
        }
        Production p = read.production();
        String named = p.manifest().screenplay().orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN,
                path.resolve("slate.yaml") + " names no screenplay; add 'screenplay: screenplay.fountain' to it"));
        FountainDocument document = p.screenplay().map(s -> s.document()).orElseThrow(() -> new CommandError(
                ExitCode.CANNOT_RUN, "slate.yaml names the screenplay " + named + ", which cannot be read in " + path
                        + "; fix the path (inside the production) or add the file"));
        return new ProductionFolder(document, Optional.of(read));
    }

    FountainDocument screenplay() {
        return screenplay;
    }

    /** Bible props and characters and planned shots, warning of files that were left out. */
    BreakdownInputs breakdownInputs(PrintWriter warnings) {
        if (production.isEmpty()) {
            return BreakdownInputs.none();
        }
        Unparsed.warn(production.get(), warnings, "the breakdown");
        return BreakdownInputs.of(production.get().production());
    }
}
