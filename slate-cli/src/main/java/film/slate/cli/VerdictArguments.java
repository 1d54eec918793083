package film.slate.cli;

import film.slate.core.lock.LockedShotException;
import film.slate.review.ReviewException;
import film.slate.review.TakeChoice;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Decisions;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Verdict;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What {@code slate approve} and {@code slate reject} share: the take version, the reason, the reviewer. */
final class VerdictArguments {
    @Mixin
    ShotArguments shot;

    @Mixin
    TakeOptions take;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    /** Records the verdict and says so on standard output; returns the exit code. */
    int decide(CommandSpec spec, String command, Verdict verdict, Optional<Long> note) {
        try (Workspace ws = Workspace.open(shot.dir(), Rig.of(spec))) {
            TakeVersion t = TakeChoice.choose(ws.store.takes(), ws.shot(shot.shot), take.take(), take.version());
            ws.lock().refuse(t.shot(), command + " a take of"); // the locked take stays the approved one
            if (note.isPresent() && new film.slate.store.db.Notes(ws.store.database()).find(note.get()).isEmpty()) {
                throw new ReviewException("there is no note " + note.get() + "; 'slate notes' lists them with their ids");
            }
            DecisionRecord d = new Decisions(ws.store.database()).decide(t, verdict, take.by, System.currentTimeMillis(),
                    Optional.ofNullable(reason), note);
            spec.commandLine().getOut().println(d.verdict().word() + " " + t.label() + " by " + d.actor());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate " + command + ": " + e.getMessage());
            return e.exitCode();
        } catch (ReviewException | LockedShotException e) {
            spec.commandLine().getErr().println("slate " + command + ": " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
    }
}
