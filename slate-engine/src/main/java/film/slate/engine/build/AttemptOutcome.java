package film.slate.engine.build;

import java.util.Locale;

/** How one attempt at a render ended, as the store records it (the word is the stored value). */
enum AttemptOutcome {
    /** The take was stored. */
    OK,
    /** A fault that may pass (a busy server, a timeout): tried again with backoff. */
    TRANSIENT,
    /** A fault that will not pass by trying again. */
    PERMANENT,
    /** An exception nobody expected. */
    ERROR,
    /** The render would have passed the build's budget. */
    BUDGET,
    /** The disk filled up: the build stops, and the next one takes the render up again. */
    DISK_FULL;

    String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
