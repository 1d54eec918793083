package film.slate.core.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** A character's movement during a shot: from where they stand to {@code to}, ending facing {@code facing}. */
public record Blocking(String character, Point to, OptionalDouble facing, Positions where) {
    public Blocking {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(facing, "facing");
        Objects.requireNonNull(where, "where");
    }
}
