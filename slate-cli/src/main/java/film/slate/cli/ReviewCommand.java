package film.slate.cli;

import film.slate.review.ReviewException;
import film.slate.review.ReviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

    /** The review room of an opened production, started on {@code host:port}; it follows the production's files. */
    static ReviewServer serve(Workspace ws, String host, int port, Clock clock) throws ReviewException {
        RoomEditions editions;
        try {
            editions = new RoomEditions(ws);
        } catch (CommandError e) {
            throw new ReviewException(e.getMessage());
        }
        return ReviewServer.start(editions, ws.store, ws.backends.generators(), host, port, clock);
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
