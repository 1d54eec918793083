package film.slate.cli;

import film.slate.store.db.Verdict;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slate approve}: selects a take version for the cut (one per shot; it replaces the shot's last approval). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a take version for the cut; it replaces the shot's earlier approval.")
final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerdictArguments verdict;

    @Override
    public Integer call() {
        return verdict.decide(spec, "approve", Verdict.APPROVED, Optional.empty());
    }
}
