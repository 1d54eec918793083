package film.slate.core.model;

import java.util.List;
import java.util.Objects;

/** A location of the bible: the heading it matches, and its floor plan of {@code width} x {@code depth} metres. */
public record Location(String id, String heading, String description, double width, double depth,
        List<FileRef> refs, Positions where) {
    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(description, "description");
        refs = List.copyOf(refs);
        Objects.requireNonNull(where, "where");
    }
}
