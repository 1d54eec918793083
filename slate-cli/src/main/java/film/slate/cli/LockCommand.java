package film.slate.cli;

import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import film.slate.core.model.Shot;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.ShotSelector;
import film.slate.store.db.Decisions;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.TakeVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate lock}: picture lock on shots' approved take versions, written to lock.yaml and the event log. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Lock the picture of shots: their approved take versions become final (lock.yaml).",
            "While locked, 'slate check' reports edits that would change a shot's recipe, and build and fix leave it alone.",
            "Exit codes: 0 locked, 2 cannot run (no approved take, locked on another take), 3 damaged lock.yaml, 4 I/O."})
final class LockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHOT|SCENE",
            description = "A shot (1/1A), a scene (1 or 1/*), or any shot selector.")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The production folder, as -C gives it.")
    Path positional;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path option;

    @Option(names = "--all", description = "Lock every shot (each must have an approved take).")
    boolean all;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the system user).")
    String by = System.getProperty("user.name", "someone");

    @Override
    public Integer call() {
        Path dir = positional != null ? positional : option != null ? option : Path.of(".");
        try {
            if (all == (what != null)) {
                throw new CommandError(ExitCode.CANNOT_RUN, "name a shot (1/1A), a scene (1) or --all, one of them");
            }
            try (Workspace ws = Workspace.lookAt(dir, Rig.of(spec))) {
                PictureLock lock = ws.lock();
                List<LockedShot> fresh = choose(ws, lock);
                PictureLock next = lock;
                for (LockedShot s : fresh) {
                    next = next.with(s);
                }
                LockRecord.write(ws, next, fresh.stream().map(s -> LockRecord.locked(s)).toList());
                for (Shot s : selected(ws)) {
                    LockedShot l = next.shot(s.fullId()).orElseThrow();
                    spec.commandLine().getOut().println((fresh.contains(l) ? "locked " : "already locked ") + l.shot()
                            + " on " + l.takeVersion() + " (recipe " + l.recipe().id().substring(0, 12) + ")");
                }
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate lock: " + e.getMessage());
            return e.exitCode();
        }
    }

    private List<Shot> selected(Workspace ws) throws CommandError {
        String selector = all ? "*" : what.matches("[^/,@*]+") ? what + "/*" : what; // a bare scene number
        return ws.production.shots().stream().filter(ws.select(Optional.of(selector))).toList();
    }

    /** The new locks, each on its shot's approved take version; every selected shot must have one. */
    private List<LockedShot> choose(Workspace ws, PictureLock lock) throws CommandError {
        Map<String, TakeVersion> approved = new Decisions(ws.store.database()).approvals();
        List<LockedShot> out = new ArrayList<>();
        List<String> unapproved = new ArrayList<>();
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        for (Shot shot : selected(ws)) {
            String id = shot.fullId();
            TakeVersion a = approved.get(id);
            if (a == null) {
                unapproved.add(id);
                continue;
            }
            Optional<LockedShot> held = lock.shot(id);
            if (held.isPresent() && (held.get().take() != a.take() || held.get().version() != a.version())) {
                throw new CommandError(ExitCode.CANNOT_RUN, "shot " + id + " is locked on " + held.get().takeVersion()
                        + " but take " + a.take() + " v" + a.version() + " is approved now; run 'slate unlock " + id
                        + " --reason TEXT' first to lock the new one (nothing was locked)");
            }
            if (held.isEmpty()) {
                out.add(lockOf(ws, a, now));
            }
        }
        if (!unapproved.isEmpty()) {
            throw new CommandError(ExitCode.CANNOT_RUN, "shot " + unapproved.get(0) + " has no approved take"
                    + (unapproved.size() > 1 ? " (nor " + (unapproved.size() - 1) + " more of the selection)" : "")
                    + "; approve one first with 'slate approve " + unapproved.get(0) + " --take N' (nothing was locked)");
        }
        return out;
    }

    private LockedShot lockOf(Workspace ws, TakeVersion a, Instant now) throws CommandError {
        TakeRecord t = ws.store.takes().ofShot(a.shot()).stream()
                .filter(r -> r.take() == a.take() && r.version() == a.version()).findFirst()
                .orElseThrow(() -> new CommandError(ExitCode.IO, "the approved " + a.label() + " is not in the store;"
                        + " run 'slate verify'"));
        if (!t.rendered() || t.master().isEmpty()) {
            throw new CommandError(ExitCode.CANNOT_RUN, "the approved " + a.label() + " has no master on hand (marked"
                    + " missing); build it again and approve it before locking (nothing was locked)");
        }
        Recipe r = recipe(ws, t.recipe(), a);
        List<Recipe> inputs = new ArrayList<>();
        for (String input : r.inputIds()) {
            inputs.add(recipe(ws, input, a));
        }
        return new LockedShot(a.shot(), a.take(), a.version(), new Recipe(r.id(), r.canonical(), r.content(), inputs),
                t.master().get(), by, now, Optional.ofNullable(reason), film.slate.core.diagnostic.SourcePosition.ofFile(
                        PictureLock.FILE));
    }

    private static Recipe recipe(Workspace ws, String id, TakeVersion a) throws CommandError {
        return ws.store.recipes().get(id).orElseThrow(() -> new CommandError(ExitCode.IO, "the recipe " + id
                + " of the approved " + a.label() + " is not in the store; run 'slate verify'"));
    }
}
