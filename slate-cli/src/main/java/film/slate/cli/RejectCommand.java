package film.slate.cli;

import film.slate.store.db.Verdict;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slate reject}: rejects a take version, or asks for a fix; either withdraws its approval. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a take version (or ask for a fix with --needs-fix); withdraws its approval if it had one.")
final class RejectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerdictArguments verdict;

    @Option(names = "--needs-fix", description = "Not rejected outright: it needs a fix (see --note).")
    boolean needsFix;

    @Option(names = "--note", paramLabel = "ID", description = "The note that says what to fix.")
    Long note;

    @Override
    public Integer call() {
        return verdict.decide(spec, "reject", needsFix ? Verdict.NEEDS_FIX : Verdict.REJECTED, Optional.ofNullable(note));
    }
}
