package film.slate.cli;

import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slate unlock}: lifts a shot's picture lock, with its reason on the record. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Lift the picture lock of a shot; the reason goes on the event log ('slate log').",
            "Exit codes: 0 unlocked, 2 cannot run (not locked, no reason), 3 damaged lock.yaml, 4 I/O."})
final class UnlockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments shot;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the locked picture may change.")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the system user).")
    String by = System.getProperty("user.name", "someone");

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(shot.dir(), Rig.of(spec))) { // the reason must reach a store
            PictureLock lock = ws.lock();
            LockedShot held = lock.shot(shot.shot).orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, "shot " + shot.shot
                    + " is not locked" + (lock.shots().isEmpty() ? "" : "; locked are " + String.join(", ",
                            lock.shots().keySet()))));
            if (reason.isBlank()) {
                throw new CommandError(ExitCode.CANNOT_RUN, "--reason is empty; say why the locked picture may change");
            }
            LockRecord.write(ws, lock.without(held.shot()), List.of(LockRecord.unlocked(held, by, reason)));
            spec.commandLine().getOut().println("unlocked " + held.shot() + " (was " + held.takeVersion() + ")");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate unlock: " + e.getMessage());
            return e.exitCode();
        }
    }
}
