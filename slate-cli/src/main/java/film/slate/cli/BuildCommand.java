package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.PlannedTake;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate build}: renders the takes whose recipe has no output yet. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Render the takes whose recipe has no output yet; finished takes are never rendered again.",
            "Exit codes: 0 all rendered, 1 some takes failed, 2 cannot run, 3 invalid production, 4 I/O."})
final class BuildCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** As many takes as a shots file may ask for ({@code takes:}). */
    static final int MAX_TAKES = 100;
    static final int MAX_JOBS = 256;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend of slate.yaml to render with (default: its 'backend').")
    String backend;

    @Option(names = "--shots", paramLabel = "SELECTOR", description = "1/1A, 1/*, @MARA, or a comma list (default: all).")
    String shots;

    @Option(names = "--takes", paramLabel = "N", description = "Takes per shot, instead of each shot's 'takes'.")
    Integer takes;

    @Option(names = "--jobs", paramLabel = "N", description = "Renders at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--budget", paramLabel = "AMOUNT", description = "Spend at most this (cost_per_second x seconds).")
    Double budget;

    @Option(names = "--dry-run", description = "List what would render, and the estimate; render nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "One JSON event a line.")
    boolean json;

    @Option(names = "--reapply-fixes", description = "Apply stale fixes' edits again to takes rendered from a new recipe.")
    boolean reapplyFixes;

    @Option(names = "--farm", description = "Queue the takes for the farm's workers (slate worker) and follow their"
            + " progress from the store's event log, rendering nothing here.")
    boolean farm;

    @Option(names = "--detach", description = "With --farm: return as soon as the takes are queued.")
    boolean detach;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (takes != null && (takes < 1 || takes > MAX_TAKES) || jobs != null && (jobs < 1 || jobs > MAX_JOBS)
                || budget != null && !(budget >= 0 && Double.isFinite(budget))) {
            spec.commandLine().getErr().println("slate build: --takes is 1 to " + MAX_TAKES + ", --jobs 1 to " + MAX_JOBS
                    + ", --budget a number of 0 or more");
            return ExitCode.CANNOT_RUN;
        }
        Optional<String> farmProblem = film.slate.engine.build.FarmSettings.problem(Rig.of(spec).environment());
        if (farmProblem.isPresent()) {
            spec.commandLine().getErr().println("slate build: " + farmProblem.get());
            return ExitCode.CANNOT_RUN;
        }
        if (dryRun && shots == null) {
            // Every shot, nothing rendered: the plan cache answers without compiling unchanged scenes.
            try (CachedPlan.Planned planned = CachedPlan.open(dir, Optional.ofNullable(backend),
                    Optional.ofNullable(takes), PlanCache.userCache(), Rig.of(spec))) {
                return dryRun(planned.workspace(), unlocked(planned.workspace(), planned.plan(), out), out);
            } catch (CommandError e) {
                spec.commandLine().getErr().println("slate build: " + e.getMessage());
                return e.exitCode();
            }
        }
        try (Workspace ws = Workspace.open(dir, Rig.of(spec))) {
            BuildPlan plan = unlocked(ws, ws.plan(Optional.ofNullable(backend), Optional.ofNullable(shots),
                    Optional.ofNullable(takes)), out);
            BuildOptions defaults = BuildOptions.defaults();
            BuildOptions options = new BuildOptions(Optional.ofNullable(backend), Optional.ofNullable(shots),
                    Optional.ofNullable(takes), jobs == null ? defaults.jobs() : jobs,
                    budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget), Rig.of(spec).retryBase(),
                    defaults.worker()).withFarm(FarmTimes.of(dir, ws.store, Rig.of(spec).environment()));
            if (dryRun) {
                return dryRun(ws, plan, out);
            }
            ready(ws, plan.backend());
            if (farm || detach) {
                return FarmBuildRun.run(ws, plan, options, farm, detach, json, out);
            }
            BuildSummary s;
            try (BuildProgress progress = json ? BuildProgress.json(out)
                    : System.console() != null ? BuildProgress.bar(out, System.err, plan.missing().size())
                    : BuildProgress.lines(out)) {
                s = new Builder(ws.store, ws.backends, options).run(plan, progress);
                progress.summary(s);
            }
            boolean refused = reapplyFixes && !ReapplyFixes.run(ws, plan, out, spec.commandLine().getErr());
            return s.failed() > 0 || refused ? ExitCode.FINDINGS : ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate build: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** The backend got ready to render before any take is scheduled: one sentence when it cannot, not one a take. */
    private static void ready(Workspace ws, String backend) throws CommandError {
        try {
            ws.backends.ready(backend);
        } catch (film.slate.engine.build.BuildException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    /** The plan without the shots under picture lock, each one said (a build never renders a locked shot). */
    private BuildPlan unlocked(Workspace ws, BuildPlan plan, PrintWriter out) throws CommandError {
        PictureLock lock = ws.lock();
        Set<String> skipped = new LinkedHashSet<>();
        plan.takes().stream().map(t -> t.recipe().shot()).filter(lock::locked).forEach(skipped::add);
        for (String shot : skipped) {
            LockedShot l = lock.shot(shot).orElseThrow();
            if (json) {
                out.println(JSON.createObjectNode().put("event", "locked").put("shot", shot).put("take", l.take())
                        .put("version", l.version()).put("recipe", l.recipe().id()));
            } else {
                out.println("locked " + shot + " on " + l.takeVersion() + ": not rendered ('slate unlock " + shot
                        + " --reason TEXT' to change it)");
            }
        }
        return plan.without(skipped);
    }

    private int dryRun(Workspace ws, BuildPlan plan, PrintWriter out) throws CommandError {
        double perSecond;
        try {
            perSecond = ws.backends.costPerSecond(plan.backend()).orElse(0.0);
        } catch (film.slate.engine.build.BuildException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
        double seconds = 0;
        for (PlannedTake t : plan.missing()) {
            seconds += t.recipe().duration();
            if (json) {
                out.println(JSON.createObjectNode().put("event", "queued").put("shot", t.recipe().shot())
                        .put("take", t.recipe().take()).put("recipe", t.recipe().id()).put("dry_run", true));
            } else {
                out.println("would render " + t.recipe().label() + (t.stale() ? " (stale)" : " (missing)") + "  "
                        + t.recipe().id().substring(0, 12));
            }
        }
        int cached = plan.takes().size() - plan.missing().size();
        if (json) {
            out.println(JSON.createObjectNode().put("event", "summary").put("rendered", 0).put("cached", cached)
                    .put("failed", 0).put("would_render", plan.missing().size()).put("seconds_of_picture", seconds)
                    .put("estimate", seconds * perSecond).put("dry_run", true));
        } else {
            out.printf(Locale.ROOT, "%d to render (%.1f s of picture, estimate %.2f), %d cached%n", plan.missing().size(),
                    seconds, seconds * perSecond, cached);
        }
        out.flush();
        return ExitCode.OK;
    }
}
