package film.slate.core.diagnostic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where readers and rules put their findings. Not thread-safe: one per check. */
public final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        found.add(diagnostic);
    }

    public void add(Rule rule, SourcePosition position, String message) {
        add(Diagnostic.of(rule, position, message));
    }

    public void addAll(List<Diagnostic> diagnostics) {
        found.addAll(diagnostics);
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    /** All findings so far, sorted by position. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(found);
        copy.sort(Diagnostic.ORDER);
        return Collections.unmodifiableList(copy);
    }

    public int size() {
        return found.size();
    }
}
