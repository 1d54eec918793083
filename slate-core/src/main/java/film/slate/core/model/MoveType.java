package film.slate.core.model;

import java.util.Locale;
import java.util.Optional;

/** How a camera moves during a shot. */
public enum MoveType {
    STATIC, PAN, TILT, DOLLY, TRUCK, CRANE, ORBIT, HANDHELD;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Moves that carry the camera itself to another place on the plan. */
    public boolean travels() {
        return this == DOLLY || this == TRUCK || this == CRANE || this == ORBIT;
    }

    public static Optional<MoveType> parse(String s) {
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
