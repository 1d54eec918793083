package film.slate.core.screenplay;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fountain.Element;
import java.util.List;

/** Placeholder until the screenplay model lands from its branch. */
public record ScriptScene(int ordinal, String number, String heading, String setting, String interior, String time,
        SourcePosition position, List<DialogueBlock> dialogue, List<Element> elements) {
}
