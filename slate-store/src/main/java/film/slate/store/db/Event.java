package film.slate.store.db;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the event log: who ({@code actor}) did what ({@code action}) to which object, when
 * (epoch milliseconds), with details (JSON) and why.
 */
public record Event(long id, long at, String actor, String action, String object, Optional<String> shot,
        Optional<String> details, Optional<String> reason) {
    public Event {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(reason, "reason");
    }

    /** An event to append (its id and time are given by the log). */
    public static Event of(String actor, String action, String object, String shot, String details, String reason) {
        return new Event(0, 0, actor, action, object, Optional.ofNullable(shot), Optional.ofNullable(details),
                Optional.ofNullable(reason));
    }
}
