package film.slate.cli;

import film.slate.engine.build.BuildException;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.FarmWorker;
import film.slate.store.db.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate worker}: renders takes from the store's shared queue until stopped (SIGTERM). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Render takes from the store's shared queue (a render farm) for the backends this machine"
                + " reaches, until stopped: on SIGTERM it takes no new take, lets running ones finish for --grace"
                + " seconds, and hands back the rest.",
            "Exit codes: 0 stopped, 2 cannot run (a backend slate.yaml does not define or that cannot start),"
                + " 3 invalid production, 4 I/O."})
final class WorkerCommand implements Callable<Integer> {
    /** db-scheduler's picked_by column is this wide, and a worker's name goes there. */
    static final int MAX_NAME = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production's checkout (default: the current folder).")
    Path dir = Path.of(".");

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "The backends of slate.yaml to render for (default: every one that starts here).")
    List<String> backendNames;

    @Option(names = "--jobs", paramLabel = "N", description = "Renders at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name (default: user@host:pid).")
    String name;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "60",
            description = "On SIGTERM, how long running takes may take to finish before they are handed back (default 60).")
    double grace;

    @Option(names = "--until-idle", description = "Stop once the queue holds no take for these backends.")
    boolean untilIdle;

    @Option(names = "--json", description = "One JSON event a line, as slate build --json.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            check();
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate worker: " + e.getMessage());
            return e.exitCode();
        }
        try (Workspace ws = Workspace.open(dir, Rig.of(spec))) {
            List<String> names = reachable(ws);
            BuildOptions defaults = BuildOptions.defaults();
            BuildOptions options = new BuildOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                    jobs == null ? defaults.jobs() : jobs, OptionalDouble.empty(), Rig.of(spec).retryBase(),
                    name == null ? defaults.worker() : name).withFarm(FarmTimes.of(dir, ws.store, Rig.of(spec).environment()));
            try (BuildProgress progress = json ? BuildProgress.json(out) : BuildProgress.lines(out)) {
                return work(ws, names, options, progress, out);
            }
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate worker: " + e.getMessage());
            return e.exitCode();
        }
    }

    private void check() throws CommandError {
        if (jobs != null && (jobs < 1 || jobs > BuildCommand.MAX_JOBS) || !(grace >= 0 && grace <= 86_400)) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--jobs is 1 to " + BuildCommand.MAX_JOBS
                    + " and --grace 0 to 86400 seconds");
        }
        if (name != null && (name.isBlank() || name.length() > MAX_NAME || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--name is 1 to " + MAX_NAME
                    + " printable characters without spaces, e.g. gpu-07");
        }
    }

    /** The backends asked for (each must be defined and start here), or every defined one that starts. */
    private List<String> reachable(Workspace ws) throws CommandError {
        Set<String> defined = new java.util.TreeSet<>(ws.production.manifest().backends().keySet());
        if (backendNames != null) {
            List<String> out = new ArrayList<>();
            for (String b : new LinkedHashSet<>(backendNames)) {
                try {
                    ws.backends.config(b);
                    ws.backends.generator(b);
                } catch (BuildException e) {
                    throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
                }
                out.add(b);
            }
            return out;
        }
        defined.add("previz"); // the built-in previz backend, which conditioned takes take as input
        List<String> out = new ArrayList<>();
        for (String b : defined) {
            try {
                ws.backends.generator(b);
                out.add(b);
            } catch (BuildException e) {
                spec.commandLine().getErr().println("slate worker: leaving out " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new CommandError(ExitCode.CANNOT_RUN, "no backend of slate.yaml starts on this machine");
        }
        return out;
    }

    /** Whether the queue still holds takes for the worker; while the database is away, it may. */
    private static boolean busy(FarmWorker worker) {
        try {
            return worker.queued() > 0;
        } catch (StoreException e) {
            return true;
        }
    }

    private int work(Workspace ws, List<String> names, BuildOptions options, BuildProgress progress, PrintWriter out)
            throws CommandError {
        FarmWorker worker;
        try {
            worker = new FarmWorker(ws.store, ws.backends, names, options, Duration.ofMillis((long) (grace * 1000)),
                    progress);
        } catch (IllegalArgumentException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage()); // SLATE_DEAD_AFTER
        }
        Thread hook = new Thread(() -> {
            worker.stop();
            out.flush();
            Runtime.getRuntime().halt(ExitCode.OK); // stopped cleanly: what it held is finished or handed back
        }, "slate-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            worker.start();
            if (!json) {
                out.println("worker " + options.worker() + " renders for " + String.join(", ", names) + " with "
                        + options.jobs() + " jobs; a dead worker's takes are taken up within "
                        + worker.pickupWithin().toSeconds() + " s");
                out.flush();
            }
            if (untilIdle) {
                while (busy(worker)) {
                    Thread.sleep(250); // polls the shared queue; renders run on the worker's threads
                }
                worker.stop();
            }
            worker.awaitStopped();
            Runtime.getRuntime().removeShutdownHook(hook);
            return ExitCode.OK;
        } catch (IOException e) {
            worker.stop();
            throw new CommandError(ExitCode.IO, "cannot take the store's lock in " + ws.store.root() + " ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.stop();
            return ExitCode.CANNOT_RUN;
        }
    }
}
