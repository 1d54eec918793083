package film.slate.cli;

import film.slate.core.recipe.Recipe;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.PlannedTake;
import film.slate.engine.build.Status;
import film.slate.review.ReviewException;
import film.slate.review.ReviewServer;
import film.slate.review.Room;
import film.slate.review.Stamped;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate review}: the review room, a web page for watching takes, noting frames and approving. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Open the review room: a web page to watch takes, note frames and approve takes.")
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on (default: 127.0.0.1, this machine"
            + " only; any other needs accounts from 'slate user add').")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default: 8717).")
    int port = 8717;

    @Option(names = "--open", description = "Open the page in the desktop's browser.")
    boolean open;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("slate review: --port " + port + " is not a port; use 1 to 65535");
            return ExitCode.CANNOT_RUN;
        }
        try (Workspace ws = Workspace.open(dir, Rig.of(spec)); ReviewServer server = serve(ws, host, port, Clock.systemUTC())) {
            String address = server.address(System.getProperty("user.name", "someone"));
            out.println("review room: " + address);
            out.println(ReviewServer.loopback(host) ? "(the link signs you in once; press Ctrl-C to stop)"
                    : "(sign in with a token from 'slate user add'; press Ctrl-C to stop)");
            out.flush();
            if (open) {
                browse(address);
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate review: " + e.getMessage());
            return e.exitCode();
        } catch (ReviewException e) {
            spec.commandLine().getErr().println("slate review: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        }
    }

    /** The review room of an opened production, started on {@code host:port}. */
    static ReviewServer serve(Workspace ws, String host, int port, Clock clock) throws ReviewException {
        BuildPlan compiled;
        try {
            compiled = ws.plan(Optional.empty(), Optional.empty(), Optional.empty());
        } catch (CommandError e) {
            throw new ReviewException(e.getMessage());
        }
        // The room serves the production as read at start, so its recipes are compiled once; the
        // takes' states change only when the event log grows (queued, started, rendered, failed,
        // verdicts), and the findings only when a file of the production changes.
        List<Recipe> recipes = compiled.takes().stream().map(PlannedTake::recipe).toList();
        Path root = ws.production.root();
        return ReviewServer.start(new Room(ws.production, ws.store,
                new Stamped<>(() -> ws.store.events().lastId(),
                        () -> Status.of(BuildPlan.of(compiled.backend(), recipes, ws.store), ws.store)),
                new Stamped<>(new FilesStamp(root), () -> findings(root))), host, port, clock);
    }

    /** What the production's files are now (sizes, times, hashes of small files): the findings' stamp. */
    private static final class FilesStamp implements java.util.function.Supplier<Object> {
        private final Path root;
        private InputFiles last = new InputFiles(java.util.Map.of());
        private long at;

        FilesStamp(Path root) {
            this.root = root;
        }

        @Override
        public synchronized Object get() {
            try {
                long now = System.currentTimeMillis();
                last = InputFiles.scan(root, last, at);
                at = now;
                return last;
            } catch (IOException e) {
                return new Object(); // unreadable now: check again, the check says what is wrong
            }
        }
    }

    /** {@code slate check}'s findings about each shot, as {@code SEVERITY RULE: message}. */
    static java.util.Map<String, java.util.List<String>> findings(Path root) {
        java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
        film.slate.core.read.ReadProduction read;
        try {
            read = film.slate.core.plan.CameraIntents.solve(film.slate.core.read.ProductionReader.read(root));
        } catch (film.slate.core.read.NotAProductionException e) {
            return out; // slate.yaml went away while serving: no findings to show
        }
        for (var d : film.slate.core.check.Checker.check(read)) {
            d.shot().ifPresent(s -> out.computeIfAbsent(s, k -> new java.util.ArrayList<>())
                    .add(d.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + d.rule().id() + ": " + d.message()));
        }
        return out;
    }

    private void browse(String address) {
        try {
            new ProcessBuilder("xdg-open", address).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate review: cannot open a browser here (" + e.getMessage()
                    + "); open the address above yourself");
        }
    }
}
