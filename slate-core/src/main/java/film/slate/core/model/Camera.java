package film.slate.core.model;

import java.util.Objects;

/** Where the camera stands at the start of a shot, how high, which lens (mm, full frame) and what it looks at. */
public record Camera(Point at, double height, double lens, Aim lookAt, Positions where) {
    public static final double DEFAULT_HEIGHT = 1.6;

    public Camera {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lookAt, "lookAt");
        Objects.requireNonNull(where, "where");
    }
}
