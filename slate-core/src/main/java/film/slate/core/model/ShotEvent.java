package film.slate.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A change of state during a shot: a character picks up, puts down or uses a prop, or wears other wardrobe. */
public record ShotEvent(String character, Kind kind, String object, Positions where) {

    /** The kinds of event; the YAML key is {@link #key()}. */
    public enum Kind {
        PICKS_UP, PUTS_DOWN, USES, WEARS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofKey(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public ShotEvent {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(where, "where");
    }
}
