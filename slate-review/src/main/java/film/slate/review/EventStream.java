package film.slate.review;

import film.slate.store.db.Event;
import film.slate.store.db.EventLog;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Optional;
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
    private volatile long last;

    EventStream(EventLog log) {
        this.log = log;
        List<Event> all = log.read(Optional.empty());
        this.last = all.isEmpty() ? 0 : all.get(all.size() - 1).id();
        poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
    }

    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("listening from event " + last);
    }

    /** Events after {@code id}, for {@code GET /api/events?after=}. */
    List<Event> after(long id) {
        return log.read(Optional.empty()).stream().filter(e -> e.id() > id).toList();
    }

    private void poll() {
        try {
            List<Event> fresh = after(last);
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
