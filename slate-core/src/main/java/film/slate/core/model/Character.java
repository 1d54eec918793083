package film.slate.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A character of the bible. {@code id} is the screenplay's cue ({@code MARA}); {@code wardrobe}
 * maps a wardrobe name to its description, in the order written.
 */
public record Character(String id, String name, String description, double height, String color,
        List<FileRef> refs, Map<String, String> wardrobe, Positions where) {
    public Character {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(color, "color");
        refs = List.copyOf(refs);
        wardrobe = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(wardrobe));
        Objects.requireNonNull(where, "where");
    }

    /** Eye height for framing and look-at: a fixed share of the figure's height. */
    public double eyeHeight() {
        return height * 0.93;
    }
}
