package film.slate.cli;

import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.media.file.WholeFile;
import film.slate.media.previz.BurnIn;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate frame}: one previz still of one shot. */
@Command(name = "frame", mixinStandardHelpOptions = true,
        description = {"Render one previz frame of a shot as PNG.", "Exit codes: 0 written, 2 cannot run, 4 cannot write."})
final class FrameCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, scene/shot: 1/1A.")
    String shot;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--at", paramLabel = "SECONDS", description = "Time into the shot (default 0).")
    double at;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "The PNG to write.")
    Path out;

    @Option(names = "--take", paramLabel = "N", description = "The take (default 1); it seeds a handheld shake.")
    int take = 1;

    @Option(names = "--burn-in", description = "Burn the slate into the frame.")
    boolean burnIn;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ReadProduction read;
        try {
            read = CameraIntents.solve(ProductionReader.read(dir));
        } catch (NotAProductionException e) {
            err.println("slate frame: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
        if (take < 1) {
            err.println("slate frame: --take is " + take + "; takes count from 1");
            return ExitCode.CANNOT_RUN;
        }
        if (!Double.isFinite(at) || at < 0) {
            err.println("slate frame: --at is " + at + "; give the seconds into the shot, 0 or more");
            return ExitCode.CANNOT_RUN;
        }
        Optional<PrevizShot> p = Previz.of(read.production()).shot(shot, take);
        if (p.isEmpty() && Unparsed.of(read).stream().anyMatch(d -> d.position().file().startsWith("shots/"))) {
            Diagnostic broken = Unparsed.of(read).stream().filter(d -> d.position().file().startsWith("shots/")).findFirst()
                    .orElseThrow();
            err.println("slate frame: no shot " + shot + " could be read: " + broken.position()
                    + " does not parse; fix it (run 'slate check') and try again");
            return ExitCode.INVALID_PRODUCTION;
        }
        if (p.isEmpty()) {
            String known = String.join(", ", read.production().shots().stream().map(s -> s.fullId()).limit(12).toList());
            err.println("slate frame: there is no shot " + shot + " in " + dir + "; name one as scene/shot"
                    + (known.isEmpty() ? " (the production has no shots yet)" : " (" + known + ")"));
            return ExitCode.CANNOT_RUN;
        }
        PrevizShot s = p.get();
        if (at > s.shot().duration()) {
            err.println("slate frame: --at is " + at + " but shot " + shot + " lasts " + s.shot().duration()
                    + " s; give a time within it");
            return ExitCode.CANNOT_RUN;
        }
        int frame = s.frameAt(at);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            WholeFile.png(out, burnIn ? s.picture(frame, BurnIn.SHOT) : s.picture(frame));
        } catch (IOException e) {
            err.println("slate frame: cannot write " + out + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
        var o = spec.commandLine().getOut();
        o.println(out + " (" + s.shot().fullId() + " frame " + frame + " of " + s.frames() + ")");
        o.flush();
        return ExitCode.OK;
    }
}
