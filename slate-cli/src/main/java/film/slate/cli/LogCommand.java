package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import film.slate.store.Store;
import film.slate.store.db.Event;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate log}: the event log, oldest first. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Print the event log: who did what, when, to what, why.")
final class LogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--shot", paramLabel = "SHOT", description = "Only the events of this shot.")
    String shot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ProductionFolder.require(dir);
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate log: " + e.getMessage());
            return e.exitCode();
        }
        try (Store store = Store.openIfPresent(dir)) { // looking writes nothing, not even a store
            var events = store.events().read(Optional.ofNullable(shot));
            if (events.isEmpty()) {
                // Said on stderr: standard output stays the record itself, empty when there is none.
                spec.commandLine().getErr().println("slate log: no events yet" + (shot == null ? "" : " for shot " + shot)
                        + " in " + dir + "; 'slate build' starts the record");
            }
            for (Event e : events) {
                out.println(TerminalText.escape(Instant.ofEpochMilli(e.at()) + "  " + e.actor() + "  " + e.action() + "  " + e.object()
                        + e.shot().map(s -> "  [" + s + "]").orElse("") + e.details().map(d -> "  " + d).orElse("")
                        + e.reason().map(r -> "  because " + r).orElse("")));
            }
            out.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate log: " + e.getMessage());
            return ExitCode.IO;
        }
    }
}
