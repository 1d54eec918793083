package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.ConditioningChanges;
import film.slate.engine.build.PlannedTake;
import film.slate.engine.build.Status;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slate why SHOT}: field by field, how the current recipe differs from the latest take's. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Show, field by field, how each take's current recipe differs from that of its latest version.")
final class WhyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments arguments;

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend (default: slate.yaml's).")
    String backend;

    @Override
    public Integer call() {
        String shot = arguments.shot;
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.lookAt(arguments.dir(), Rig.of(spec))) {
            ws.shot(shot);
            for (PlannedTake t : ws.plan(Optional.ofNullable(backend), Optional.of(shot), Optional.empty()).takes()) {
                Recipe now = t.recipe();
                if (t.latest().isEmpty()) {
                    out.println(now.label() + ": never rendered (recipe " + now.id().substring(0, 12) + ")");
                    continue;
                }
                Status.Need need = Status.need(t);
                if (need == Status.Need.NOTHING) {
                    out.println(now.label() + ": up to date (version " + t.latest().get().version() + ")");
                    continue;
                }
                if (!t.stale()) {
                    out.println(now.label() + ": the objects of version " + t.latest().get().version() + " were found"
                            + " damaged or missing (slate verify); the next build renders it again");
                    continue;
                }
                Optional<Recipe> old = ws.store.recipes().get(t.latest().get().recipe());
                out.println(now.label() + ": version " + t.latest().get().version() + " was rendered from another recipe"
                        + (need == Status.Need.REUSE ? "; version " + t.existing().get().version() + " was made from this"
                                + " one, and the next build makes it current again without rendering" : ""));
                if (old.isEmpty()) {
                    out.println("  (its recipe is not in the store)");
                    continue;
                }
                for (String change : ConditioningChanges.of(old.get().content(), now.content())) {
                    out.println("  " + TerminalText.escape(change));
                }
                WhyChanges.print(out, old.get(), now); // only what changed
            }
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate why: " + e.getMessage());
            return e.exitCode();
        }
    }
}
