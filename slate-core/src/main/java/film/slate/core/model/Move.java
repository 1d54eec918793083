package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A camera move, eased from the shot's first frame to its last.
 * <ul>
 * <li>dolly, truck: the camera travels to {@code to}, still looking at its aim;</li>
 * <li>crane: travels to {@code to} (or stays) and rises or sinks to {@code height};</li>
 * <li>pan: the aim turns to {@code lookAt}, or by {@code degrees} (positive to the right);</li>
 * <li>tilt: the aim rises by {@code degrees} (positive up), or to {@code lookAt};</li>
 * <li>orbit: the camera circles its aim by {@code degrees} (positive clockwise seen from above);</li>
 * <li>handheld: a seeded shake of {@code amplitude} metres.</li>
 * </ul>
 */
public record Move(MoveType type, Optional<Point> to, OptionalDouble height, Optional<Aim> lookAt,
        OptionalDouble degrees, OptionalDouble amplitude, Positions where) {
    public Move {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(lookAt, "lookAt");
        Objects.requireNonNull(degrees, "degrees");
        Objects.requireNonNull(amplitude, "amplitude");
        Objects.requireNonNull(where, "where");
    }

    public static Move still(Positions where) {
        return new Move(MoveType.STATIC, Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), where);
    }
}
