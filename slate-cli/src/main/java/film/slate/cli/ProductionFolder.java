package film.slate.cli;

import film.slate.core.breakdown.BreakdownInputs;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.finaldraft.FinalDraft;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.model.Production;
import film.slate.core.read.InsideProduction;
import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.screenplay.ScreenplayFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the script tools need from a path: a production folder read through the production model,
 * or a bare {@code .fountain} or {@code .fdx} file (then there is no bible and no plan). Files that do not parse
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
     * Refuses {@code dir} unless it is a production folder (one with slate.yaml), for the commands
     * that only open its store.
     */
    static void require(Path dir) throws CommandError {
        try {
            ProductionReader.requireFolder(dir);
        } catch (NotAProductionException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    /**
     * Opens a production folder or a {@code .fountain} file.
     *
     * @throws CommandError when the path is missing or is not a production with a screenplay
     */
    static ProductionFolder open(Path path) throws CommandError {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".fountain") && !name.endsWith(".spmd") && !name.endsWith(".txt")
                    && !FinalDraft.isFinalDraft(name)) {
                throw new CommandError(ExitCode.CANNOT_RUN, path + " is not a screenplay (.fountain or .fdx); name a"
                        + " .fountain or .fdx file or a production folder");
            }
            if (!Files.isRegularFile(path)) { // a pipe would hang the reader, a device never end
                throw new CommandError(ExitCode.CANNOT_RUN, path + " is not a regular file (a pipe or a device?); name a"
                        + " .fountain or .fdx file or a production folder");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) InsideProduction.MAX_BYTES + 1);
                if (bytes.length > InsideProduction.MAX_BYTES) {
                    throw new CommandError(ExitCode.CANNOT_RUN, path + " is more than the " + InsideProduction.MAX_BYTES
                            + " bytes Slate reads as a screenplay; is it the right file?");
                }
            } catch (IOException e) {
                throw new CommandError(ExitCode.IO, "cannot read " + path + " (" + e.getMessage() + ")");
            }
            return new ProductionFolder(readable(ScreenplayFile.parse(path.getFileName().toString(), bytes)),
                    Optional.empty());
        }
        if (!Files.isDirectory(path)) {
            throw new CommandError(ExitCode.CANNOT_RUN, path + " does not exist; name a production folder or a"
                    + " .fountain file");
        }
        ReadProduction read;
        try {
            read = CameraIntents.solve(ProductionReader.read(path));
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
        return new ProductionFolder(readable(document), Optional.of(read));
    }

    /** The document, unless it is a Final Draft file that could not be read (then its one sentence, exit 2). */
    private static FountainDocument readable(FountainDocument document) throws CommandError {
        Optional<Diagnostic> unreadable = document.diagnostics().stream().filter(Diagnostic::isError).findFirst();
        if (unreadable.isPresent()) {
            Diagnostic d = unreadable.get();
            throw new CommandError(ExitCode.CANNOT_RUN, d.position() + ": " + d.message());
        }
        return document;
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
