package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed screenplay.
 *
 * @param file the production-relative path every position names
 * @param titlePage the title page, keys as written ({@code Title}, {@code Draft date}) in the order
 *     written; a multi-line value has its lines joined with {@code \n}
 * @param elements the body, in screenplay order
 * @param diagnostics what the parser noticed (never errors: every text is some screenplay)
 */
public record FountainDocument(String file, Map<String, String> titlePage, List<Element> elements,
        List<Diagnostic> diagnostics) {

    public FountainDocument {
        Objects.requireNonNull(file, "file");
        titlePage = Collections.unmodifiableMap(new LinkedHashMap<>(titlePage));
        elements = List.copyOf(elements);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The title page's {@code Title}, whatever its case, or empty. */
    public String title() {
        return titlePage.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("title"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
