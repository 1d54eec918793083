package film.slate.core.model;

import java.util.Locale;
import java.util.Optional;

/** Shot sizes from widest to closest; the ordinal is the size step used by the jump-cut rule. */
public enum Framing {
    EWS("extreme wide shot"), WS("wide shot"), FS("full shot"), MS("medium shot"), MCU("medium close-up"),
    CU("close-up"), ECU("extreme close-up"), INSERT("insert");

    private final String words;

    Framing(String words) {
        this.words = words;
    }

    /** The plain words for prompts ("medium close-up"). */
    public String words() {
        return words;
    }

    /** Steps of size between two framings; an insert counts as one step closer than an ECU. */
    public int stepsTo(Framing other) {
        return Math.abs(ordinal() - other.ordinal());
    }

    public static Optional<Framing> parse(String s) {
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
