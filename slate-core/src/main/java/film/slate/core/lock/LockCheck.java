package film.slate.core.lock;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Positions;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ReadProduction;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeChanges;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Target;
import film.slate.core.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code lock/changed} rule: each locked shot compiled now, for the backend and generator
 * version its locked recipe names, against that recipe. Any difference is an edit that would
 * change a final picture; the finding names the recipe fields it changes.
 */
public final class LockCheck {
    /** How many changed fields a finding names before it counts the rest. */
    private static final int NAMED = 6;

    private LockCheck() {
    }

    /**
     * What {@code slate check} reports about the picture lock: lock.yaml's own faults at their
     * lines, and {@code lock/changed} for each locked shot whose recipe the plan no longer compiles
     * to (once the plan reads without errors: a plan with errors compiles to no recipe).
     */
    public static List<Diagnostic> findings(ReadProduction read) {
        LockFile.Read lock = LockFile.read(read.production().root());
        if (!lock.diagnostics().isEmpty() || lock.lock().shots().isEmpty()
                || read.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return lock.diagnostics();
        }
        return of(read.production(), lock.lock());
    }

    /** One {@code lock/changed} error per locked shot whose recipe the plan no longer compiles to. */
    public static List<Diagnostic> of(Production production, PictureLock lock) {
        List<Diagnostic> out = new ArrayList<>();
        RecipeCompiler compiler = new RecipeCompiler(production);
        for (LockedShot locked : lock.shots().values()) {
            Optional<Shot> shot = production.shots().stream().filter(s -> s.fullId().equals(locked.shot())).findFirst();
            if (shot.isEmpty()) {
                out.add(Diagnostic.ofShot(Rule.LOCK_CHANGED, locked.position(), locked.shot(), "shot " + locked.shot()
                        + " is locked on " + locked.takeVersion() + " but the plan no longer has it; put the shot back, or"
                        + " run 'slate unlock " + locked.shot() + " --reason TEXT'"));
                continue;
            }
            changedFields(compiler, shot.get(), locked).ifPresent(fields -> out.add(Diagnostic.ofShot(Rule.LOCK_CHANGED,
                    shot.get().where().self(), locked.shot(), "shot " + locked.shot() + " is locked on "
                            + locked.takeVersion() + " and this edit changes its recipe: " + named(fields)
                            + "; undo the edit, or run 'slate unlock " + locked.shot() + " --reason TEXT' first")));
        }
        return out;
    }

    /**
     * The recipe fields (JSON pointers) in which the shot's recipe compiled now differs from the
     * locked one; empty when it is the same recipe. A changed input recipe is named by its own fields.
     */
    public static Optional<List<String>> changedFields(RecipeCompiler compiler, Shot shot, LockedShot locked) {
        Recipe before = locked.recipe();
        Optional<Target> target = target(compiler.production(), before);
        if (target.isEmpty()) {
            return Optional.of(List.of("/backend/name (slate.yaml has no backend " + before.backend() + " any more)"));
        }
        Recipe now = compiler.compile(shot, before.take(), target.get());
        if (now.id().equals(before.id())) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        for (RecipeChanges.Change c : RecipeChanges.of(before, now)) {
            int i = input(c.path());
            if (i >= 0 && i < before.inputs().size() && i < now.inputs().size()) {
                String role = before.content().inputs().get(i).role();
                RecipeChanges.of(before.inputs().get(i), now.inputs().get(i))
                        .forEach(ic -> fields.add("/inputs/" + i + " (" + role + ") " + ic.path()));
            } else {
                fields.add(c.path());
            }
        }
        return Optional.of(fields.isEmpty() ? List.of("/") : fields);
    }

    /** The index of an input whose recipe id changed ({@code /inputs/0/recipe}), or -1. */
    private static int input(String path) {
        if (path.startsWith("/inputs/") && path.endsWith("/recipe")) {
            try {
                return Integer.parseInt(path.substring("/inputs/".length(), path.length() - "/recipe".length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** What the locked recipe was compiled for: its backend as slate.yaml configures it now, at the recorded version. */
    private static Optional<Target> target(Production production, Recipe recipe) {
        Optional<BackendConfig> config = config(production, recipe);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Optional<Target> input = Optional.empty();
        if (!recipe.inputs().isEmpty()) {
            Recipe in = recipe.inputs().get(0);
            Optional<BackendConfig> inConfig = config(production, in);
            if (inConfig.isEmpty()) {
                return Optional.empty();
            }
            input = Optional.of(Target.of(inConfig.get(), in.content().backend().version()));
        }
        return Optional.of(new Target(config.get(), recipe.content().backend().version(), input));
    }

    private static Optional<BackendConfig> config(Production production, Recipe recipe) {
        BackendConfig c = production.manifest().backends().get(recipe.backend());
        if (c == null && recipe.content().backend().type().equals("previz")) {
            // previz is always available, undeclared: its settings are empty
            SourcePosition at = SourcePosition.ofFile("slate.yaml");
            return Optional.of(new BackendConfig(recipe.backend(), "previz", new YamlMapping(List.of(), at), Positions.of(at)));
        }
        return Optional.ofNullable(c);
    }

    private static String named(List<String> fields) {
        if (fields.size() <= NAMED) {
            return String.join(", ", fields);
        }
        return String.join(", ", fields.subList(0, NAMED)) + " and " + (fields.size() - NAMED) + " more";
    }
}
