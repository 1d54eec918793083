package film.slate.store.db;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One version of one take: the output of one recipe. {@code master}, {@code proxy} and
 * {@code depth} name objects.
 */
public record TakeRecord(long id, String shot, int take, int version, String recipe, String backend, String status,
        Optional<String> master, Optional<String> proxy, Optional<String> depth, long startedAt, long finishedAt,
        long renderMillis, OptionalDouble cost) {
    public static final String RENDERED = "rendered";
    /** Its objects were found absent or damaged ({@code slate verify --repair}): the next build renders it again. */
    public static final String MISSING = "missing";

    /** Whether its objects are on hand (not marked missing). */
    public boolean rendered() {
        return status.equals(RENDERED);
    }

    /** {@code 1/1A#2}. */
    public String label() {
        return shot + "#" + take;
    }
}
