package film.slate.cli;

import film.slate.core.plan.Repairs;
import film.slate.core.report.QuickFix;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code slate check --fix}: the quick fixes written into the production's files, each file whole or not at all. */
final class CheckFixes {
    private CheckFixes() {
    }

    /** Applies {@code fixes}; returns how many files changed. */
    static int apply(Path dir, Collection<QuickFix> fixes, Function<String, Optional<String>> text)
            throws CommandError {
        Map<String, String> before = new LinkedHashMap<>();
        fixes.forEach(f -> f.edits().forEach(e -> text.apply(e.file()).ifPresent(t -> before.put(e.file(), t))));
        Map<String, String> after = Repairs.apply(before, fixes);
        int changed = 0;
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            try {
                WholeFile.text(dir.resolve(e.getKey()), e.getValue());
                changed++;
            } catch (IOException ex) {
                throw new CommandError(ExitCode.IO, "cannot write " + dir.resolve(e.getKey()) + " (" + ex.getMessage()
                        + "); no fix was made to it");
            }
        }
        return changed;
    }
}
