package film.slate.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import film.slate.core.recipe.Recipe;
import film.slate.store.Store;
import film.slate.store.db.Event;
import film.slate.store.db.RenderRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code slate build --farm}: the takes are queued for the farm's workers, then their progress is
 * read back from the store's event log (what every worker appends), as the same build events a
 * build that renders itself reports; the build ends when each of its takes is rendered or failed.
 */
public final class FarmBuild {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FarmBuild() {
    }

    /** What {@link Builder#enqueue} queued (by recipe id), and how many of the plan's takes were cached. */
    public record Queued(Map<String, Recipe> recipes, int cached) {
        public Queued {
            recipes = Map.copyOf(recipes);
        }
    }

    /** Puts a queue entry for each recipe (inputs first), due now; an entry already there stays. */
    static void schedule(Store store, Collection<Recipe> recipes, Clock clock) {
        OneTimeTask<Void> task = Tasks.oneTime(Builder.TASK).execute((instance, ctx) -> { });
        SchedulerClient client = SchedulerClient.Builder.create(store.database().dataSource(), task).build();
        List<Recipe> order = new ArrayList<>(recipes);
        order.sort((a, b) -> Boolean.compare(!a.inputs().isEmpty(), !b.inputs().isEmpty()));
        Instant now = clock.instant();
        for (Recipe r : order) {
            client.scheduleIfNotExists(new TaskInstance<Void>(Builder.TASK, r.id()), now);
        }
    }

    /**
     * Reports to {@code listener} what the workers do with the queued takes, from the event log
     * after event {@code since}, until each is rendered or failed; polls every {@code poll}.
     * Returns the summary.
     */
    public static BuildSummary follow(Store store, Queued queued, long since, BuildListener listener, Duration poll,
            Clock clock) throws InterruptedException {
        Instant t0 = clock.instant();
        Set<String> open = new HashSet<>(queued.recipes().keySet());
        long last = since;
        while (!open.isEmpty()) {
            // Renders that ended before `since` (by another build's workers) have no event to come:
            // read their state first; an event commits with its state, so the read after it sees it.
            Map<String, RenderRecord> before = store.renders().all();
            List<Event> events = store.events().after(last);
            for (Event e : events) {
                last = e.id();
                report(e, queued, open, listener);
            }
            if (events.isEmpty()) {
                open.removeIf(id -> ended(before.get(id)));
                Thread.sleep(poll.toMillis()); // the log is polled: workers on other machines append to it
            }
        }
        int rendered = 0;
        int failed = 0;
        Map<String, RenderRecord> renders = store.renders().all();
        for (String id : queued.recipes().keySet()) {
            RenderRecord r = renders.get(id);
            if (r != null && RenderState.of(r) == RenderState.FAILED) {
                failed++;
            } else {
                rendered++;
            }
        }
        return new BuildSummary(rendered, queued.cached(), failed, Duration.between(t0, clock.instant()), 0);
    }

    private static boolean ended(RenderRecord r) {
        return r == null || RenderState.of(r) == RenderState.FAILED || RenderState.of(r) == RenderState.RENDERED;
    }

    private static void report(Event e, Queued queued, Set<String> open, BuildListener listener) {
        Optional<BuildEvent.Kind> kind = switch (e.action()) {
            case "started" -> Optional.of(BuildEvent.Kind.STARTED);
            case "rendered" -> Optional.of(BuildEvent.Kind.RENDERED);
            case "failed" -> Optional.of(BuildEvent.Kind.FAILED);
            case "retry" -> Optional.of(BuildEvent.Kind.RETRY);
            default -> Optional.empty();
        };
        if (kind.isEmpty() || e.details().isEmpty()) {
            return;
        }
        JsonNode d;
        try {
            d = JSON.readTree(e.details().get());
        } catch (IOException bad) {
            return; // not an event of a render
        }
        Recipe recipe = queued.recipes().get(d.path("recipe").asText());
        if (recipe == null) {
            return; // another build's take
        }
        int attempt = d.path("attempt").asInt(0);
        Optional<String> reason = kind.get() == BuildEvent.Kind.RENDERED ? Optional.of(e.object()
                .replaceFirst("^take \\S+ v", "version ")) : e.reason();
        listener.on(new BuildEvent(kind.get(), recipe.shot(), recipe.take(), recipe.id(), attempt, reason,
                Optional.empty()));
        if (kind.get() == BuildEvent.Kind.RENDERED || kind.get() == BuildEvent.Kind.FAILED) {
            open.remove(recipe.id());
        }
    }
}
