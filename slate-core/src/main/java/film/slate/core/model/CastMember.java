package film.slate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character's state at the start of a scene: wardrobe, mark, facing, posture and what they hold.
 * {@code facingToward} is a name written as the facing ({@code facing: ELSIE}); the solve step after
 * reading turns it into the bearing {@code facing}. {@code off} is a character written {@code at:
 * off}: off set when the scene opens, until a shot's blocking {@code enters}.
 */
public record CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
        Positions where, Optional<String> facingToward, Posture posture, boolean off) {
    public CastMember {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(wardrobe, "wardrobe");
        Objects.requireNonNull(at, "at");
        holds = List.copyOf(holds);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(facingToward, "facingToward");
        Objects.requireNonNull(posture, "posture");
    }

    /** A cast member standing on their mark, facing a bearing or a name. */
    public CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
            Positions where, Optional<String> facingToward) {
        this(character, wardrobe, at, facing, holds, where, facingToward, Posture.STAND, false);
    }

    /** A cast member standing on their mark, facing a bearing. */
    public CastMember(String character, Optional<String> wardrobe, Point at, double facing, List<String> holds,
            Positions where) {
        this(character, wardrobe, at, facing, holds, where, Optional.empty());
    }

    /** The same cast member facing {@code bearing} (the solve step's answer to a facing by name). */
    public CastMember facing(double bearing) {
        return new CastMember(character, wardrobe, at, bearing, holds, where, facingToward, posture, off);
    }
}
