package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A character's movement during a shot: from where they stand to {@code to}, ending facing {@code
 * facing} in {@code posture} (their posture so far when absent). {@code facingToward} is a name
 * written as the facing ({@code facing: ELSIE}), which the solve step after reading turns into that
 * bearing. {@code enters} is where a character who is off set comes on at the shot's start;
 * {@code exits}, that they leave the set at {@code to} when the shot ends.
 */
public record Blocking(String character, Point to, OptionalDouble facing, Positions where, Optional<String> facingToward,
        Optional<Posture> posture, Optional<Point> enters, boolean exits) {
    public Blocking {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(facing, "facing");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(facingToward, "facingToward");
        Objects.requireNonNull(posture, "posture");
        Objects.requireNonNull(enters, "enters");
    }

    /** A walk on the set, ending on a bearing or facing a name. */
    public Blocking(String character, Point to, OptionalDouble facing, Positions where, Optional<String> facingToward) {
        this(character, to, facing, where, facingToward, Optional.empty(), Optional.empty(), false);
    }

    /** A walk ending on a bearing (or the way it walked). */
    public Blocking(String character, Point to, OptionalDouble facing, Positions where) {
        this(character, to, facing, where, Optional.empty());
    }

    /** The same movement ending on {@code bearing} (the solve step's answer to a facing by name). */
    public Blocking facing(double bearing) {
        return new Blocking(character, to, OptionalDouble.of(bearing), where, facingToward, posture, enters, exits);
    }
}
