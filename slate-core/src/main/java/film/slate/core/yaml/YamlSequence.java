package film.slate.core.yaml;

import film.slate.core.diagnostic.SourcePosition;
import java.util.List;
import java.util.Objects;

/** A list in the order it was written. */
public record YamlSequence(List<YamlNode> items, SourcePosition position) implements YamlNode {

    public YamlSequence {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String describe() {
        return "a list";
    }
}
