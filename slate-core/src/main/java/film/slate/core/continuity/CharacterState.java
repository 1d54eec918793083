package film.slate.core.continuity;

import film.slate.core.model.Point;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A character at one instant of a scene: mark, facing, wardrobe and the props in hand (in the order taken). */
public record CharacterState(String character, Point at, double facing, Optional<String> wardrobe, List<String> holds) {
    public CharacterState {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wardrobe, "wardrobe");
        holds = List.copyOf(holds);
    }
}
