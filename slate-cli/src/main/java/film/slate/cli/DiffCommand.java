package film.slate.cli;

import film.slate.engine.build.RecipeDiff;
import film.slate.engine.fix.VersionDiff;
import film.slate.engine.fix.FixRefused;
import film.slate.media.composite.PixelDiff;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.db.TakeRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slate diff SHOT A B [DIR] [--take N] [--format json]}: two versions of a take compared,
 * the recipe field by field (a fix's fields applied) and the fixes one has and the other lacks,
 * then the pixels decoded: per frame the box of changed pixels and their count, the PSNR inside the
 * fixes' regions and a verdict on everything outside them. Exit 1 when pixels outside the fixes'
 * masks and frames changed.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two versions of a take: recipe fields, fixes, and changed pixels.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, e.g. 1/1A.")
    String shot;

    @Parameters(index = "1", paramLabel = "A", description = "A version of the take (2 or v2).")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "Another version of the take.")
    String b;

    @Parameters(index = "3", arity = "0..1", paramLabel = "DIR", description = "The production folder.")
    Path positional;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path option;

    @Option(names = "--take", paramLabel = "N", description = "The take (default: 1).")
    int take = 1;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = positional != null ? positional : option != null ? option : Path.of(".");
        try (Workspace ws = Workspace.lookAt(dir, Rig.of(spec))) {
            String id = ws.shot(shot);
            TakeRecord va = version(ws, id, a);
            TakeRecord vb = version(ws, id, b);
            VersionDiff d = VersionDiff.of(ws.store, Ffmpeg.find(), va, vb);
            if (format == Format.json) {
                out.println(d.json(id, take));
            } else {
                text(out, id, d);
            }
            return d.strayPixels() ? ExitCode.FINDINGS : ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate diff: " + e.getMessage());
            return e.exitCode();
        } catch (FixRefused e) {
            err.println("slate diff: " + e.getMessage());
            return e.exitCode();
        } catch (FfmpegException | IllegalArgumentException e) {
            err.println("slate diff: cannot compare the pictures of " + shot + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
    }

    private TakeRecord version(Workspace ws, String id, String text) throws CommandError {
        int v;
        try {
            v = Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, text + " is not a version; write 2 or v2");
        }
        return ws.store.takes().ofShot(id).stream().filter(t -> t.take() == take && t.version() == v).findFirst()
                .orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, id + " take " + take + " has no version " + v
                        + "; 'slate history " + id + "' shows the versions there are"));
    }

    private void text(PrintWriter out, String id, VersionDiff d) {
        TakeRecord va = d.a();
        TakeRecord vb = d.b();
        List<RecipeDiff.Change> fields = d.fields();
        PixelDiff.Result pixels = d.pixels();
        boolean region = d.region().isPresent();
        out.println(safe(id + " take " + take + ": v" + va.version() + " -> v" + vb.version()));
        out.println(fields.isEmpty() ? "recipe: the same fields" : "recipe:");
        for (RecipeDiff.Change c : fields) {
            out.println(safe("  " + c.path() + ": " + c.before().orElse("(none)") + " -> " + c.after().orElse("(none)")));
        }
        d.added().forEach(f -> out.println(safe("  fix + " + f.id().substring(0, 12) + " "
                + HistoryCommand.describe(f.edit()))));
        d.removed().forEach(f -> out.println(safe("  fix - " + f.id().substring(0, 12) + " "
                + HistoryCommand.describe(f.edit()))));
        out.println("pixels: " + pixels.changed().size() + " of " + pixels.frames() + " frames changed, " + pixels.pixels()
                + " pixels" + pixels.psnrInside().map(p -> "; PSNR inside the fixes' regions " + psnr(p)).orElse(""));
        for (PixelDiff.Frame f : pixels.changed()) {
            out.println("  frame " + f.frame() + ": " + f.changed() + " (x,y,w,h), " + f.pixels() + " pixels"
                    + (region && f.outside() > 0 ? ", " + f.outside() + " outside" : ""));
        }
        out.println("verdict: " + d.verdict());
    }

    private static String psnr(double p) {
        return Double.isInfinite(p) ? "infinite (identical)" : String.format(java.util.Locale.ROOT, "%.2f dB", p);
    }

    private static String safe(String s) {
        return film.slate.core.diagnostic.TerminalText.escape(s);
    }
}
