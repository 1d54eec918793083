package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;

/** Placeholder until the Fountain parser lands from its branch. */
public record FountainDocument(String file, Map<String, String> titlePage, List<Element> elements,
        List<Diagnostic> diagnostics) {
}
