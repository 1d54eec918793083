package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a camera looks at: a character (at their eye height, wherever they stand at that instant)
 * or a point on the plan, optionally at a height {@code z} (the camera's own height when absent).
 */
public record Aim(Optional<String> character, Optional<Point> point, OptionalDouble z) {
    public Aim {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(z, "z");
        if (character.isPresent() == point.isPresent()) {
            throw new IllegalArgumentException("an aim is a character or a point");
        }
    }

    public static Aim at(Point p) {
        return new Aim(Optional.empty(), Optional.of(p), OptionalDouble.empty());
    }

    public static Aim at(String character) {
        return new Aim(Optional.of(character), Optional.empty(), OptionalDouble.empty());
    }

    @Override
    public String toString() {
        return character.orElseGet(() -> point.orElseThrow().toString());
    }
}
