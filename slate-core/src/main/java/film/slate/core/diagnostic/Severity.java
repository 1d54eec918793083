package film.slate.core.diagnostic;

import java.util.Locale;

/** How bad a finding is. Only errors make {@code slate check} fail. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in every output format. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
