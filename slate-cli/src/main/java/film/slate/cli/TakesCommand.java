package film.slate.cli;

import film.slate.store.db.TakeRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate takes SHOT}: every version of every take of a shot. */
@Command(name = "takes", mixinStandardHelpOptions = true, description = "List every version of every take of a shot.")
final class TakesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, e.g. 1/1A.")
    String shot;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    /** The folder may also follow the shot, as with every other command. */
    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The production folder, as -C gives it.")
    Path positionalDir;

    @Override
    public Integer call() {
        if (positionalDir != null) {
            dir = positionalDir;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.open(dir)) {
            ws.shot(shot);
            var takes = ws.store.takes().ofShot(shot);
            if (takes.isEmpty()) {
                out.println(shot + " has no takes yet; run 'slate build --shots " + shot + "'");
            }
            for (TakeRecord t : takes) {
                out.printf("take %d v%d  %s  %s  recipe %s  master %s  %s%n", t.take(), t.version(), t.status(), t.backend(),
                        t.recipe().substring(0, 12), t.master().map(m -> m.substring(0, 12)).orElse("-"),
                        Instant.ofEpochMilli(t.finishedAt()));
            }
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate takes: " + e.getMessage());
            return e.exitCode();
        }
    }
}
