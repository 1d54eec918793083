package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.TerminalText;
import film.slate.core.model.Production;
import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.report.DiagnosticReport;
import film.slate.deliver.DeliveryException;
import film.slate.deliver.DeliveryFormat;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.ShotSelector;
import film.slate.media.board.Storyboard;
import film.slate.media.board.StoryboardFiles;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.ObjectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate demo}: the main job on the bundled example, start to finish, with where to look next. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Copy the bundled example film (The Lighthouse Keeper) to a working folder and run Slate on it:",
            "check it, render the previz storyboard and animatic, build every take into the store, conform a rough cut,",
            "and say what was found and where to look next.",
            "Exit codes: 0 done, 1 some takes failed, 2 the folder cannot be used, 4 a file could not be written."})
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
            work = copiedExample();
        } catch (CommandError e) {
            err.println("slate demo: " + e.getMessage());
            return e.exitCode();
        }
        out.println("Slate demo: The Lighthouse Keeper, copied to " + work);
        ReadProduction read;
        try {
            read = CameraIntents.solve(ProductionReader.read(work));
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
        Path cut = work.resolve("cut");
        Finished done;
        try {
            done = buildBoardAndCut(work, p, diagnostics, cut, out);
        } catch (CommandError e) {
            err.println("slate demo: " + e.getMessage());
            return e.exitCode();
        }
        BuildSummary summary = done.summary();
        StoryboardFiles files = done.board();
        out.println();
        whereToLookNext(out, work, files, cut);
        return summary.failed() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** A new working copy of the bundled example. */
    private Path copiedExample() throws CommandError {
        Path work;
        try {
            work = workFolder();
        } catch (IllegalArgumentException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot create the working folder (" + e.getMessage()
                    + "); name a writable folder");
        }
        try {
            BundledExample.copy(EXAMPLE, work);
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot copy the example into " + work + " (" + e.getMessage() + ")");
        }
        return work;
    }

    private static void whereToLookNext(PrintWriter out, Path work, StoryboardFiles files, Path cut) {
        out.println("Where to look next:");
        out.println("  the production     " + work + " (slate.yaml, screenplay.fountain, bible/, shots/)");
        out.println("  the storyboard     " + files.page());
        out.println("  the rough cut      " + cut.resolve("cut.mp4") + " (cut.otio, cut.edl, cut.fcpxml beside it)");
        out.println("  approve, conform   slate approve 1/1A -C " + work + "; slate conform " + work + " --out DIR");
        out.println("  one frame          slate frame 1/1A --at 1.0 --out frame.png " + work);
        out.println("  takes and state    slate status " + work);
        out.println("  the record         slate log " + work);
        out.println("  edit, then build   slate build " + work + "   (only the takes whose recipe changed render again)");
        out.println("  check it again     slate check " + work);
        out.println("  read the script    slate script " + work);
        out.println("  the breakdown      slate breakdown " + work + " --format html --out breakdown.html");
        out.flush();
    }

    private record Finished(BuildSummary summary, StoryboardFiles board) {
    }

    /**
     * Builds every take, then draws the storyboard from those takes (not drawn a second time) while
     * the rough cut is conformed: the board's FFmpeg runs and the cut's encoder each take a core.
     * What they print comes out in step order.
     */
    private static Finished buildBoardAndCut(Path work, Production p, List<Diagnostic> diagnostics, Path cut,
            PrintWriter out) throws CommandError {
        out.println("2. Build: every take compiled to a hashed recipe and rendered with previz into .slate/...");
        out.flush();
        BuildSummary summary;
        BuildPlan built;
        ObjectStore objects;
        try (Workspace ws = Workspace.open(work)) {
            BuildPlan plan = ws.plan(Optional.empty(), Optional.empty(), Optional.empty());
            summary = new Builder(ws.store, ws.backends, BuildOptions.defaults()).run(plan, event -> { });
            // Planned again, the takes just rendered are the store's; the board shows those.
            built = ws.plan(Optional.empty(), Optional.empty(), Optional.empty());
            objects = ws.store.objects();
        }
        out.printf(Locale.ROOT, "   %d rendered, %d cached, %d failed in %.1f s%n", summary.rendered(), summary.cached(),
                summary.failed(), summary.time().toMillis() / 1000.0);
        out.println();
        out.println("3. Storyboard: stills of every take and the animatic, from the takes just built...");
        out.flush();
        Path board = BoardCommand.defaultFolder(work);
        ExecutorService beside = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-board"));
        try {
            // The board checks the takes' objects (reading every master and proxy) on its own thread,
            // so the cut's encoders start as soon as the build ends.
            Future<StoryboardFiles> files = beside.submit(() -> Storyboard.write(p, diagnostics, board,
                    new StoredTakes(built, objects)));
            StringWriter cutLines = new StringWriter();
            CommandError cutFailed = null;
            try (Workspace ws = Workspace.open(work)) {
                roughCut(ws, cut, new PrintWriter(cutLines, true));
            } catch (CommandError e) {
                cutFailed = e;
            }
            StoryboardFiles written = boardOf(files, board);
            out.println("   storyboard  " + written.page() + " (open it in a browser)");
            out.println("   animatic    " + written.animatic() + " (" + written.stills().size() + " stills)");
            out.println();
            out.println("4. Rough cut: the latest take of every shot (nothing is approved yet), conformed...");
            out.print(cutLines);
            out.flush();
            if (cutFailed != null) {
                throw cutFailed;
            }
            return new Finished(summary, written);
        } finally {
            beside.shutdownNow();
        }
    }

    /** The storyboard once written, or the sentence of what stopped it. */
    private static StoryboardFiles boardOf(Future<StoryboardFiles> files, Path board) throws CommandError {
        try {
            return files.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandError(ExitCode.INTERNAL, "interrupted while writing the storyboard");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FfmpegException f) {
                throw new CommandError(ExitCode.CANNOT_RUN, f.getMessage());
            }
            if (e.getCause() instanceof IOException io) {
                throw new CommandError(ExitCode.IO, "cannot write the storyboard into " + board + " (" + io.getMessage()
                        + ")");
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The demo's last step: a rough cut; a refusal (rights, say) is reported and the demo goes on. */
    private static void roughCut(Workspace ws, Path cut, PrintWriter out) {
        try {
            ConformCommand.Delivered d = ConformCommand.deliver(ws, ShotSelector.all(), true,
                    EnumSet.allOf(DeliveryFormat.class), cut, false);
            out.println("   " + d.cut().clips().size() + " shots, " + d.result().frames() + " frames, delivered to " + cut);
        } catch (DeliveryException e) {
            out.println("   not delivered: " + TerminalText.escapeKeepingLines(e.getMessage()));
        }
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
