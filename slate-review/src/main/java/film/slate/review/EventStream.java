package film.slate.review;

import film.slate.store.db.Event;
import film.slate.store.db.EventLog;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events from the event log: a build in another process appends to the log, and
 * every open page hears of each new event within about a second (the log is polled; SQLite has
 * no notifications across processes).
 */
final class EventStream implements AutoCloseable {
    private final EventLog log;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slate-review-events");
        t.setDaemon(true);
        return t;
    });
    /** The most events one poll (or one API answer) reads; more wait for the next. */
    static final int PAGE = 1000;
    private volatile long last;

    EventStream(EventLog log) {
        this.log = log;
        this.last = log.lastId();
        poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("listening from event " + last);
    }

    /** At most {@code limit} events after {@code id}, for {@code GET /api/events?after=}. */
    List<Event> after(long id, int limit) {
        return log.after(id, limit);
    }

    private void poll() {
        try {
            List<Event> fresh = after(last, PAGE); // only what is new: the log is read by its key from the last id
            for (Event e : fresh) {
                for (SseClient c : clients) {
                    c.sendEvent("event", Json.event(e).toString(), String.valueOf(e.id()));
                }
                last = e.id();
            }
        } catch (RuntimeException e) {
            // The store may be briefly locked by a build; the next poll tries again.
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
