package film.slate.core.model;

import java.util.Locale;
import java.util.Optional;

/** How a character holds their body on a mark: previz poses the mannequin and its skeleton this way. */
public enum Posture {
    STAND, SIT, KNEEL, LIE;

    /** The word the format writes: {@code stand}, {@code sit}, {@code kneel}, {@code lie}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Posture> ofKey(String key) {
        for (Posture p : values()) {
            if (p.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
