package film.slate.core.yaml;

import film.slate.core.diagnostic.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mapping in the order it was written. Keys are unique (the reader reports duplicates). */
public record YamlMapping(List<Entry> entries, SourcePosition position) implements YamlNode {

    /** One key and its value; the key keeps its own position for "unknown field" messages. */
    public record Entry(String key, SourcePosition keyPosition, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }

    public YamlMapping {
        entries = List.copyOf(entries);
        Objects.requireNonNull(position, "position");
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
