package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the camera stands at the start of a shot, how high, which lens (mm, full frame) and what it
 * looks at; {@code intent} is what it was written as when the shots file asked for a camera by intent
 * (the rest is then the solver's answer).
 */
public record Camera(Point at, double height, double lens, Aim lookAt, Positions where, Optional<CameraIntent> intent) {
    public static final double DEFAULT_HEIGHT = 1.6;

    public Camera {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lookAt, "lookAt");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(intent, "intent");
    }

    /** A camera written out by position. */
    public Camera(Point at, double height, double lens, Aim lookAt, Positions where) {
        this(at, height, lens, lookAt, where, Optional.empty());
    }
}
