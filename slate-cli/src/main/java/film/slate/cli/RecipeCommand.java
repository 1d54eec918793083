package film.slate.cli;

import film.slate.core.recipe.Recipe;
import film.slate.engine.build.BuildException;
import film.slate.engine.build.PlannedTake;
import film.slate.engine.build.RecipeExport;
import film.slate.store.db.TakeRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slate recipe SHOT [DIR] [--take N] [--version V]}: a take's recipe, as the canonical JSON
 * whose SHA-256 is its id (no newline after it). The latest version's recipe when the take was
 * rendered, otherwise the recipe as compiled now.
 */
@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Print a take's recipe: the canonical JSON whose SHA-256 is its id.")
final class RecipeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments arguments;

    @Option(names = "--take", paramLabel = "N", description = "The take (default: 1).")
    int take = 1;

    @Option(names = "--version", paramLabel = "V", description = "A version of the take (default: the latest).")
    Integer version;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "The backend to compile for when the take has no version yet (default: slate.yaml's).")
    String backend;

    @Option(names = "--objects", paramLabel = "DIR",
            description = "Also copy the objects the recipe names (references, input recipes) into DIR, for slate render.")
    Path objects;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace ws = Workspace.open(arguments.dir(), Rig.of(spec))) {
            String shot = ws.shot(arguments.shot);
            if (take < 1) {
                throw new CommandError(ExitCode.CANNOT_RUN, "--take " + take + " is not a take; takes count from 1");
            }
            Recipe recipe = recipe(ws, shot, err);
            if (objects != null) {
                RecipeExport.objects(recipe, ws.store, ws.production.root(), objects);
            }
            // A fix version's recipe is its fix recipe (whose SHA-256 is the version's recipe id); objects are its root's.
            Optional<String> fix = stored(ws, shot).flatMap(t -> ws.store.fixes().get(t.recipe()))
                    .map(f -> f.recipe().canonical());
            out.print(fix.orElse(recipe.canonical()));
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate recipe: " + e.getMessage());
            return e.exitCode();
        } catch (BuildException e) {
            err.println("slate recipe: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            err.println("slate recipe: cannot write the objects into " + objects + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
    }

    /** The version asked for (or the latest), if the take has one. */
    private Optional<TakeRecord> stored(Workspace ws, String shot) {
        return ws.store.takes().ofShot(shot).stream()
                .filter(t -> t.take() == take && (version == null || t.version() == version))
                .reduce((a, b) -> b.version() >= a.version() ? b : a);
    }

    private Recipe recipe(Workspace ws, String shot, PrintWriter err) throws CommandError {
        Optional<TakeRecord> stored = stored(ws, shot);
        if (stored.isPresent()) {
            TakeRecord t = stored.get();
            err.println(t.label() + " version " + t.version() + ": recipe " + t.recipe());
            return ws.store.recipes().get(t.recipe()).orElseThrow(() -> new CommandError(ExitCode.IO, "the store records"
                    + " recipe " + t.recipe() + " for " + t.label() + " v" + t.version() + " but does not hold it"));
        }
        if (version != null) {
            throw new CommandError(ExitCode.CANNOT_RUN, shot + " take " + take + " has no version " + version
                    + "; 'slate takes " + shot + "' lists the versions there are");
        }
        Recipe now = ws.plan(Optional.ofNullable(backend), Optional.of(shot), Optional.of(take)).takes().stream()
                .map(PlannedTake::recipe).filter(r -> r.take() == take).findFirst().orElseThrow();
        err.println(now.label() + " has no version yet: recipe " + now.id() + " as compiled now");
        return now;
    }
}
