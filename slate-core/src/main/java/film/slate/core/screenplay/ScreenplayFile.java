package film.slate.core.screenplay;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.finaldraft.FinalDraft;
import film.slate.core.finaldraft.FinalDraftException;
import film.slate.core.fountain.Fountain;
import film.slate.core.fountain.FountainDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a screenplay file by its name: Final Draft for {@code .fdx}, Fountain otherwise. Every
 * command that reads a screenplay goes through here, so both formats are read the same way.
 */
public final class ScreenplayFile {
    private ScreenplayFile() {
    }

    /**
     * Parses a screenplay. Total: a Final Draft file that cannot be read gives an empty document with
     * one {@code syntax/fountain} error saying where and why.
     *
     * @param file the production-relative path every position names
     */
    public static FountainDocument parse(String file, byte[] bytes) {
        if (!FinalDraft.isFinalDraft(file)) {
            return Fountain.parse(file, bytes);
        }
        try {
            return FinalDraft.read(file, bytes);
        } catch (FinalDraftException e) {
            return new FountainDocument(file, Map.of(), List.of(), List.of(new Diagnostic(Rule.SYNTAX_FOUNTAIN,
                    Severity.ERROR, e.position(), Optional.empty(), e.getMessage())));
        }
    }
}
