package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A character's movement during a shot: from where they stand to {@code to}, ending facing {@code
 * facing}. {@code facingToward} is a name written as the facing ({@code facing: ELSIE}), which the
 * solve step after reading turns into that bearing.
 */
public record Blocking(String character, Point to, OptionalDouble facing, Positions where, Optional<String> facingToward) {
    public Blocking {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(facing, "facing");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(facingToward, "facingToward");
    }

    /** A walk ending on a bearing (or the way it walked). */
    public Blocking(String character, Point to, OptionalDouble facing, Positions where) {
        this(character, to, facing, where, Optional.empty());
    }
}
