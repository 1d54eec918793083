package film.slate.core.model;

import java.util.Objects;

/** The action line of a scene: between two characters' marks, or between two explicit points. */
public sealed interface Axis {
    Positions where();

    /** The line through two characters, where they stand at the start of the scene. */
    record Between(String first, String second, Positions where) implements Axis {
        public Between {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(where, "where");
        }
    }

    /** An explicit line from one point to another. */
    record Line(Point from, Point to, Positions where) implements Axis {
        public Line {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(where, "where");
        }
    }
}
