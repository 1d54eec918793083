package film.slate.cli;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.finaldraft.FinalDraft;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.plan.ProductionDraft;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScreenplayFile;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate init}: a new production folder drafted from a screenplay, ready for {@code slate plan}. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a production from a screenplay: slate.yaml, bible stubs for every character who speaks or is"
                + " introduced, every location, a shots file per scene (cast on default marks, action line, dialogue"
                + " blocks numbered), and rights.yaml listing the likenesses to clear.",
            "Exit codes: 0 done, 2 cannot run (no screenplay, or DIR is a production already), 4 cannot read or write."})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The new production's folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--from", required = true, paramLabel = "SCRIPT", description = "The screenplay: a .fountain or Final Draft .fdx file (copied into the production as it is).")
    Path from;

    @Override
    public Integer call() {
        try {
            if (Files.exists(dir.resolve("slate.yaml"))) {
                throw new CommandError(ExitCode.CANNOT_RUN, dir + " is a production already (it has slate.yaml); init a new"
                        + " folder, or plan its scenes with 'slate plan'");
            }
            Screenplay screenplay = read(from);
            String name = dir.toAbsolutePath().normalize().getFileName() == null ? "film"
                    : dir.toAbsolutePath().normalize().getFileName().toString();
            String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
            String title = screenplay.document().title().isBlank() ? name : screenplay.document().title();
            String copy = FinalDraft.isFinalDraft(from.getFileName().toString()) ? "screenplay.fdx" : "screenplay.fountain";
            Map<String, String> files = ProductionDraft.of(screenplay, id.isEmpty() ? "film" : id, title, copy);
            Files.createDirectories(dir);
            WholeFile.bytes(dir.resolve(copy), Files.readAllBytes(from));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                WholeFile.text(p, f.getValue());
            }
            spec.commandLine().getErr().println("slate init: wrote " + (files.size() + 1) + " files in " + dir + " from "
                    + screenplay.scenes().size() + " scenes; fill in the TODOs, then 'slate plan SCENE --write'");
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate init: " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate init: cannot write in " + dir + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
    }

    /** The one place a screenplay file becomes a {@link Screenplay} for init: Fountain or Final Draft, by its name. */
    static Screenplay read(Path script) throws CommandError {
        String name = script.getFileName() == null ? "" : script.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(script)) {
            throw new CommandError(ExitCode.CANNOT_RUN, script + " does not exist; name a .fountain or .fdx screenplay with"
                    + " --from");
        }
        if (!name.endsWith(".fountain") && !name.endsWith(".spmd") && !name.endsWith(".txt")
                && !FinalDraft.isFinalDraft(name)) {
            throw new CommandError(ExitCode.CANNOT_RUN, script + " is not a screenplay (.fountain or .fdx); name one");
        }
        FountainDocument document;
        try {
            document = ScreenplayFile.parse(script.getFileName().toString(), Files.readAllBytes(script));
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot read " + script + " (" + e.getMessage() + ")");
        }
        Optional<Diagnostic> unreadable = document.diagnostics().stream()
                .filter(d -> d.rule() == Rule.SYNTAX_FOUNTAIN && d.severity() == Severity.ERROR).findFirst();
        if (unreadable.isPresent() && document.elements().isEmpty()) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, script + " cannot be read as a screenplay: "
                    + unreadable.get().message());
        }
        return Screenplay.of(document);
    }
}
