package film.slate.cli;

import film.slate.core.model.VideoFormat;
import film.slate.review.NoteExport;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Notes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate notes}: the review notes, as text or as JSON for scripts, frame.io or Kitsu. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = "List review notes: text, or --format json, frameio (v4 comments) or kitsu (preview annotations).")
final class NotesCommand implements Callable<Integer> {
    enum Format { text, json, frameio, kitsu }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--open", description = "Only notes not resolved yet.")
    boolean open;

    @Option(names = "--shot", paramLabel = "SHOT", description = "Only the notes of this shot.")
    String shot;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, frameio or kitsu.")
    Format format = Format.text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.open(dir, Rig.of(spec))) {
            List<NoteRecord> notes = new Notes(ws.store.database()).list(Optional.ofNullable(shot), open);
            VideoFormat f = ws.production.manifest().format();
            if (format == Format.text) {
                for (NoteRecord n : notes) {
                    out.println("#" + n.id() + "  " + n.take().label() + "  frame " + n.frame()
                            + n.endFrame().map(e -> "-" + e).orElse("") + " (" + NoteExport.timecode(n.frame(), n.fpsNum(), n.fpsDen())
                            + ")  " + n.author() + (n.resolved() ? "  [resolved]" : "") + "  "
                            + n.text().replaceAll("\\p{Cntrl}", " "));
                }
            } else {
                out.println(NoteExport.write(NoteExport.Format.valueOf(format.name()), notes, f.width(), f.height()));
            }
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate notes: " + e.getMessage());
            return e.exitCode();
        }
    }
}
