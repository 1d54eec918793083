package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Production;
import java.util.List;
import java.util.Objects;

/** A production as read, with what the reader found wrong on the way (sorted by position). */
public record ReadProduction(Production production, List<Diagnostic> diagnostics) {
    public ReadProduction {
        Objects.requireNonNull(production, "production");
        diagnostics = List.copyOf(diagnostics);
    }
}
