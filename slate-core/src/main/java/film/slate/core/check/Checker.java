package film.slate.core.check;

import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.lock.LockCheck;
import film.slate.core.read.DeliveryChecks;
import film.slate.core.read.ReadProduction;
import java.util.List;

/**
 * {@code slate check}: every rule of FORMAT.md's table over a production as read. The reader's
 * own findings (syntax, schema, files) come first in the same list, sorted by position.
 */
public final class Checker {
    private static final List<CheckRule> RULES = List.of(
            new ReferenceRules(),
            new ScriptRules(),
            new ContinuityRules(),
            new ReachRule(),
            new ActionLineRule(),
            new JumpCutRule(),
            new ScreenDirectionRule(),
            new CameraPlacementRule(),
            new FramingRule(),
            new InsertRule(),
            new SpeakerRule(),
            new RightsRules(),
            new ReferenceBindRules());

    private Checker() {
    }

    public static List<Diagnostic> check(ReadProduction read) {
        return check(read, Strictness.CHECK);
    }

    public static List<Diagnostic> check(ReadProduction read, Strictness strictness) {
        Diagnostics d = new Diagnostics();
        d.addAll(read.diagnostics());
        Scene scene = new Scene(read.production(), Continuity.of(read.production()), strictness);
        for (CheckRule rule : RULES) {
            rule.check(scene, d);
        }
        d.addAll(LockCheck.findings(read)); // lock.yaml's own faults, and lock/changed
        DeliveryChecks.signer(read.production(), d);
        return d.sorted();
    }
}
