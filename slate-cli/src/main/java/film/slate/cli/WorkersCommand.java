package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.TerminalText;
import film.slate.store.ForeignStoreException;
import film.slate.store.Store;
import film.slate.store.db.DatabaseClock;
import film.slate.store.db.WorkerRecord;
import film.slate.store.db.Workers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate workers}: the processes rendering from the store's queue, what each renders, and its last heartbeat. */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = {"List the workers of the store's queue: their backends, what each renders now and their last"
                + " heartbeat (a worker that missed its heartbeats is shown dead).",
            "Exit codes: 0 listed, 2 cannot run, 4 I/O."})
final class WorkersCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production's checkout (default: the current folder).")
    Path dir = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            spec.commandLine().getErr().println("slate workers: --format is text or json");
            return ExitCode.CANNOT_RUN;
        }
        try {
            ProductionFolder.require(dir);
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate workers: " + e.getMessage());
            return e.exitCode();
        }
        try (Store store = Store.openIfPresent(dir)) {
            List<WorkerRecord> all = store.workers().all();
            long now = new DatabaseClock(store.database()).millis();
            long deadAfter = FarmTimes.of(dir, store, Rig.of(spec).environment()).deadAfter().toMillis();
            if (format.equals("json")) {
                json(all, now, deadAfter, out);
            } else {
                table(all, now, deadAfter, out);
            }
            out.flush();
            return ExitCode.OK;
        } catch (ForeignStoreException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("slate workers: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate workers: " + e.getMessage());
            return ExitCode.IO;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate workers: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** running, stopping and stopped as recorded; a running or stopping worker that missed its heartbeats is dead. */
    static String state(WorkerRecord w, long now, long deadAfter) {
        return !w.state().equals(Workers.STOPPED) && now - w.heartbeatAt() > deadAfter ? "dead" : w.state();
    }

    private static void json(List<WorkerRecord> all, long now, long deadAfter, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("workers");
        for (WorkerRecord w : all) {
            ObjectNode o = list.addObject().put("name", w.name()).put("host", w.host());
            w.backends().forEach(o.putArray("backends")::add);
            o.put("jobs", w.jobs()).put("state", state(w, now, deadAfter))
                    .put("started", Instant.ofEpochMilli(w.startedAt()).toString())
                    .put("last_heartbeat", Instant.ofEpochMilli(w.heartbeatAt()).toString())
                    .put("heartbeat_age_s", Math.max(0, now - w.heartbeatAt()) / 1000.0);
            w.rendering().forEach(o.putArray("rendering")::add);
        }
        out.println(root);
    }

    private static void table(List<WorkerRecord> all, long now, long deadAfter, PrintWriter out) {
        if (all.isEmpty()) {
            out.println("no workers have joined this store's queue; start one with 'slate worker'");
            return;
        }
        String row = "%-30s %-9s %-20s %4s  %-15s %s%n";
        out.printf(Locale.ROOT, row, "WORKER", "STATE", "BACKENDS", "JOBS", "LAST HEARTBEAT", "RENDERING");
        for (WorkerRecord w : all) {
            String age = String.format(Locale.ROOT, "%.1f s ago", Math.max(0, now - w.heartbeatAt()) / 1000.0);
            out.printf(Locale.ROOT, row, TerminalText.escape(w.name()), state(w, now, deadAfter),
                    TerminalText.escape(w.backends().isEmpty() ? "(a build)" : String.join(",", w.backends())), w.jobs(),
                    age, TerminalText.escape(w.rendering().isEmpty() ? "-" : String.join(" ", w.rendering())));
        }
    }
}
