package film.slate.core.screenplay;

import film.slate.core.fountain.FountainDocument;
import java.util.List;
import java.util.Optional;

/** Placeholder until the screenplay model lands from its branch. */
public record Screenplay(FountainDocument document, List<ScriptScene> scenes) {
    public static Screenplay of(FountainDocument document) {
        return new Screenplay(document, List.of());
    }

    public Optional<ScriptScene> scene(String number) {
        return scenes.stream().filter(s -> s.number().equals(number)).findFirst();
    }
}
