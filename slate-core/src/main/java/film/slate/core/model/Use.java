package film.slate.core.model;

import java.util.Locale;
import java.util.Optional;

/** What the final cut will be used for; rights must cover it. */
public enum Use {
    PERSONAL, FESTIVAL, COMMERCIAL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Use> parse(String s) {
        for (Use u : values()) {
            if (u.word().equalsIgnoreCase(s.strip())) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
