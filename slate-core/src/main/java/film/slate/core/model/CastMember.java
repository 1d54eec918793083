package film.slate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A character's state at the start of a scene: wardrobe, mark, facing and what they hold. */
public record CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
        Positions where) {
    public CastMember {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(wardrobe, "wardrobe");
        Objects.requireNonNull(at, "at");
        holds = List.copyOf(holds);
        Objects.requireNonNull(where, "where");
    }
}
