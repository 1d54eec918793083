package film.slate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character's state at the start of a scene: wardrobe, mark, facing and what they hold. {@code
 * facingToward} is a name written as the facing ({@code facing: ELSIE}); the solve step after reading
 * turns it into the bearing {@code facing}.
 */
public record CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
        Positions where, Optional<String> facingToward) {
    public CastMember {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(wardrobe, "wardrobe");
        Objects.requireNonNull(at, "at");
        holds = List.copyOf(holds);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(facingToward, "facingToward");
    }

    /** A cast member facing a bearing. */
    public CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
            Positions where) {
        this(character, wardrobe, at, facing, holds, where, Optional.empty());
    }
}
