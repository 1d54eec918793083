package film.slate.core.continuity;

import film.slate.core.model.Point;
import film.slate.core.model.Posture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character at one instant of a scene: mark, facing, wardrobe, the props in hand (in the order
 * taken), posture, and {@code seat}: the height of what they sit, kneel or lie on (a set piece
 * under the mark; 0, the floor, otherwise and whenever they stand).
 */
public record CharacterState(String character, Point at, double facing, Optional<String> wardrobe, List<String> holds,
        Posture posture, double seat) {
    public CharacterState {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wardrobe, "wardrobe");
        holds = List.copyOf(holds);
        Objects.requireNonNull(posture, "posture");
    }

    /** A character standing on the floor. */
    public CharacterState(String character, Point at, double facing, Optional<String> wardrobe, List<String> holds) {
        this(character, at, facing, wardrobe, holds, Posture.STAND, 0);
    }

    /** The same character elsewhere, facing another way, in {@code posture} on a surface {@code seat} high. */
    public CharacterState moved(Point to, double bearing, Posture now, double surface) {
        return new CharacterState(character, to, bearing, wardrobe, holds, now, now == Posture.STAND ? 0 : surface);
    }

    /** The same character in other wardrobe, holding {@code props}. */
    public CharacterState dressed(Optional<String> now, List<String> props) {
        return new CharacterState(character, at, facing, now, props, posture, seat);
    }
}
