package film.slate.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A character of the bible. {@code id} is the screenplay's cue ({@code MARA}); {@code wardrobe}
 * maps a wardrobe name to its description, in the order written; {@code wardrobeRefs} the reference
 * images of the wardrobes that have their own ({@code oilskin: { description, refs }}).
 */
public record Character(String id, String name, String description, double height, String color,
        List<FileRef> refs, Map<String, String> wardrobe, Positions where, Map<String, List<FileRef>> wardrobeRefs) {
    public Character {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(color, "color");
        refs = List.copyOf(refs);
        wardrobe = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(wardrobe));
        Objects.requireNonNull(where, "where");
        wardrobeRefs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(wardrobeRefs));
    }

    /** A character whose wardrobe has no reference images of its own. */
    public Character(String id, String name, String description, double height, String color, List<FileRef> refs,
            Map<String, String> wardrobe, Positions where) {
        this(id, name, description, height, color, refs, wardrobe, where, Map.of());
    }

    /**
     * The references of the character as seen in {@code wardrobe}: the wardrobe's own {@code refs}
     * when it has some, else the character's.
     */
    public List<FileRef> refsIn(java.util.Optional<String> wardrobe) {
        List<FileRef> own = wardrobe.map(w -> wardrobeRefs.getOrDefault(w, List.of())).orElse(List.of());
        return own.isEmpty() ? refs : own;
    }

    /** Eye height for framing and look-at: a fixed share of the figure's height. */
    public double eyeHeight() {
        return height * 0.93;
    }
}
