package film.slate.cli;

import film.slate.core.check.Checker;
import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.model.BackendConfig;
import film.slate.media.board.BuiltTakes;
import film.slate.media.board.Storyboard;
import film.slate.store.Store;
import java.nio.file.Files;
import java.util.Optional;
import film.slate.media.board.StoryboardFiles;
import film.slate.media.ffmpeg.FfmpegException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate board}: the storyboard page, its stills and the animatic. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Write the storyboard: an HTML page with floor plans and previz stills of every shot, and animatic.mp4.",
            "Exit codes: 0 written, 2 cannot run, 4 cannot write."})
final class BoardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write it (default: DIR/.slate/board).")
    Path out;

    /**
     * The previz takes the store holds from the current recipes, which the board shows as built; none
     * when the production has no store (the board then opens none, so it writes nothing into .slate but
     * the board) or cannot be planned (the board still draws what it can read).
     */
    private BuiltTakes built(ReadProduction read) {
        if (!Files.isDirectory(dir.resolve(Store.FOLDER))) {
            return BuiltTakes.NONE;
        }
        String previz = read.production().manifest().backends().values().stream().filter(b -> b.type().equals("previz"))
                .map(BackendConfig::name).findFirst().orElse("previz");
        try (Workspace ws = Workspace.open(dir, Rig.of(spec))) {
            StoredTakes stored = new StoredTakes(ws.plan(Optional.of(previz), Optional.empty(), Optional.empty()),
                    ws.store.objects());
            stored.damaged().forEach(d -> spec.commandLine().getErr().println("slate board: warning: " + d
                    + " (the board draws that shot again)"));
            return stored;
        } catch (CommandError e) {
            return BuiltTakes.NONE;
        }
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ReadProduction read;
        try {
            read = CameraIntents.solve(ProductionReader.read(dir));
        } catch (NotAProductionException e) {
            err.println("slate board: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
        Unparsed.warn(read, err, "the storyboard");
        Path target = out != null ? out : defaultFolder(dir);
        StoryboardFiles files;
        try {
            files = Storyboard.write(read.production(), Checker.check(read), target, built(read));
        } catch (IOException e) {
            err.println("slate board: cannot write " + target + " (" + e.getMessage() + "); check the folder's permissions and free space");
            return ExitCode.IO;
        } catch (FfmpegException e) {
            err.println("slate board: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
        var o = spec.commandLine().getOut();
        o.println("storyboard: " + files.page());
        o.println("animatic:   " + files.animatic());
        o.flush();
        return ExitCode.OK;
    }

    /** Where the board of production {@code dir} is written unless {@code --out} says otherwise: beside its store. */
    static Path defaultFolder(Path dir) {
        return dir.resolve(Store.FOLDER).resolve("board");
    }
}
