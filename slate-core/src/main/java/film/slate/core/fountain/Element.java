package film.slate.core.fountain;

import film.slate.core.diagnostic.SourcePosition;
import java.util.Optional;
import java.util.OptionalInt;

/** Placeholder until the Fountain parser lands from its branch. */
public record Element(ElementType type, String text, SourcePosition position, Optional<String> sceneNumber,
        OptionalInt depth, Optional<String> dual, boolean forced, Optional<String> extension, Optional<String> name) {
}
