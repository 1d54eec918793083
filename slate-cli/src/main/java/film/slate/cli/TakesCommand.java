package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import film.slate.store.db.TakeRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slate takes SHOT}: every version of every take of a shot. */
@Command(name = "takes", mixinStandardHelpOptions = true, description = "List every version of every take of a shot.")
final class TakesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments arguments;

    @Override
    public Integer call() {
        String shot = arguments.shot;
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.lookAt(arguments.dir(), Rig.of(spec))) {
            ws.shot(shot);
            var takes = ws.store.takes().ofShot(shot);
            if (takes.isEmpty()) {
                out.println(shot + " has no takes yet; run 'slate build --shots " + shot + "'");
            }
            for (TakeRecord t : takes) {
                out.println(TerminalText.escape(String.format("take %d v%d  %s  %s  recipe %s  master %s  %s", t.take(),
                        t.version(), t.status(), t.backend(), t.recipe().substring(0, 12),
                        t.master().map(m -> m.substring(0, 12)).orElse("-"), Instant.ofEpochMilli(t.finishedAt()))));
            }
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate takes: " + e.getMessage());
            return e.exitCode();
        }
    }
}
