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

    /** {@code 1/1A#2}. */
    public String label() {
        return shot + "#" + take;
    }
}
