package film.slate.review;

import film.slate.store.db.EventLog;
import io.javalin.http.Context;

/**
 * Where the event log stands, read once per request: every change the room shows (a note, a
 * verdict, a render, a sign-out of a removed account) appends an event, so answers and sessions
 * known at the same mark are still true, and one cheap query replaces a request's others.
 */
final class LogMark {
    private static final String ATTRIBUTE = "slate.mark";
    private final EventLog log;

    LogMark(EventLog log) {
        this.log = log;
    }

    /** The log's last event id as this request first saw it. */
    long of(Context ctx) {
        Long known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        long now = log.lastId();
        ctx.attribute(ATTRIBUTE, now);
        return now;
    }
}
