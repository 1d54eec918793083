package film.slate.core.model;

import film.slate.core.diagnostic.SourcePosition;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model element and each of its fields were written, so that a rule can point at the
 * offending line (the camera of a shot, not just the shot).
 */
public record Positions(SourcePosition self, Map<String, SourcePosition> fields) {

    public Positions {
        Objects.requireNonNull(self, "self");
        fields = Map.copyOf(fields);
    }

    public static Positions of(SourcePosition self) {
        return new Positions(self, Map.of());
    }

    /** The position of {@code field}, or of the element itself when the field was not written. */
    public SourcePosition at(String field) {
        return fields.getOrDefault(field, self);
    }
}
