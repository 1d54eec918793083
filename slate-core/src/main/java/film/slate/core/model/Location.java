package film.slate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A location of the bible: the heading it matches, its floor plan of {@code width} x {@code depth}
 * metres, and the solid pieces of its set ({@code set:}), in the order written.
 */
public record Location(String id, String heading, String description, double width, double depth,
        List<FileRef> refs, Positions where, List<SetPiece> set) {
    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(description, "description");
        refs = List.copyOf(refs);
        Objects.requireNonNull(where, "where");
        set = List.copyOf(set);
    }

    /** A location with a bare set. */
    public Location(String id, String heading, String description, double width, double depth, List<FileRef> refs,
            Positions where) {
        this(id, heading, description, width, depth, refs, where, List.of());
    }

    /** The set piece called {@code id}, if the set has one. */
    public java.util.Optional<SetPiece> piece(String id) {
        return set.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
