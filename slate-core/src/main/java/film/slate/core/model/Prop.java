package film.slate.core.model;

import java.util.List;
import java.util.Objects;

/** A prop of the bible: an object that must look the same in every shot. */
public record Prop(String id, String description, List<FileRef> refs, Positions where) {
    public Prop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        refs = List.copyOf(refs);
        Objects.requireNonNull(where, "where");
    }
}
