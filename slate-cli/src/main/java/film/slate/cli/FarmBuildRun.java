package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.FarmBuild;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** {@code slate build --farm [--detach]}: queue for the workers, then follow the event log (or return at once). */
final class FarmBuildRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the event log is read while following. */
    private static final Duration POLL = Duration.ofMillis(200);

    private FarmBuildRun() {
    }

    static int run(Workspace ws, BuildPlan plan, BuildOptions options, boolean farm, boolean detach, boolean json,
            PrintWriter out) throws CommandError {
        if (!farm) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--detach goes with --farm (slate build --farm --detach)");
        }
        if (options.budget().isPresent()) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--budget is kept by the process that renders; a farm build"
                    + " renders nothing here, so build without --farm to keep a budget");
        }
        long since = ws.store.events().lastId();
        try (BuildProgress progress = json ? BuildProgress.json(out) : BuildProgress.lines(out)) {
            FarmBuild.Queued queued = new Builder(ws.store, ws.backends, options).enqueue(plan, progress);
            if (detach) {
                if (json) {
                    out.println(JSON.createObjectNode().put("event", "summary").put("rendered", 0)
                            .put("cached", queued.cached()).put("failed", 0).put("queued", queued.recipes().size())
                            .put("detached", true));
                } else {
                    out.println(queued.recipes().size() + " takes queued for the farm, " + queued.cached()
                            + " cached; 'slate workers' shows who renders them, 'slate status' what is done");
                }
                out.flush();
                return ExitCode.OK;
            }
            BuildSummary s = FarmBuild.follow(ws.store, queued, since, progress, POLL, Clock.systemUTC());
            progress.summary(s);
            return s.failed() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandError(ExitCode.CANNOT_RUN, "interrupted; the queued takes stay queued for the workers");
        }
    }
}
