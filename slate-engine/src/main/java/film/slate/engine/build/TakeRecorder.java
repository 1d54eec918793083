package film.slate.engine.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Recipe;
import film.slate.store.ObjectStore;
import film.slate.store.Store;
import film.slate.store.db.DamagedRecipeException;
import film.slate.store.db.Event;
import film.slate.store.TakeReceipt;
import film.slate.store.db.Renders;
import film.slate.store.db.Takes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The record side of a render: each outcome is one transaction with its event, then one event to
 * the build's listener. A take row is written only here, after its objects are stored. Finished
 * takes are recorded in groups ({@link GroupCommit}): the takes the job threads finish while one
 * group commits are the next group, one transaction and one commit (one WAL checkpoint on SQLite).
 */
final class TakeRecorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The most finished takes one transaction records. */
    private static final int GROUP = 64;

    private final Store store;
    private final BuildOptions options;
    private final BuildListener listener;
    private final Runnable changed;
    private final GroupCommit<Made, Optional<Recorded>> group;

    /** {@code changed} runs after every outcome that ends a render (rendered or failed). */
    TakeRecorder(Store store, BuildOptions options, BuildListener listener, Runnable changed) {
        this.store = store;
        this.options = options;
        this.listener = listener;
        this.changed = changed;
        this.group = new GroupCommit<>(this::recordAll, GROUP);
    }

    /**
     * A take made by attempt {@code attempt}, to record; {@code queueVersion} is the version of its
     * queue entry as its job was given it (negative: no entry to remove).
     */
    record Made(Recipe recipe, int attempt, TakeReceipt take, List<ObjectStore.Aside> outputs, long queueVersion) {
    }

    /** A recorded take: its version, and whether its queue entry went with it (else the queue removes it). */
    record Recorded(int version, boolean dequeued) {
    }

    /**
     * Records the take made by attempt {@code n}, with the other takes finished meanwhile, in one
     * transaction: the render and attempt ended where the attempt still holds the render (the
     * fence, which locks those rows), then the winners' outputs (set aside by the render, not yet
     * synced) and receipts made durable and moved into the store together (before their rows: what a
     * lost database is rebuilt from), a new take version each, their {@code rendered} events and
     * queue entries removed. Empty, and nothing recorded, when a later attempt holds the render
     * (this one was counted dead): a loser writes no receipt and its outputs never enter the store.
     */
    Optional<Recorded> rendered(Recipe recipe, int n, RenderExecution.Stored stored, long started, long finished,
            OptionalDouble cost, long queueVersion) {
        return record(recipe, n, stored.output(), stored.aside(), started, finished, cost, queueVersion);
    }

    /** As above, for outputs already in the store. */
    Optional<Recorded> rendered(Recipe recipe, int n, Takes.Output output, long started, long finished,
            OptionalDouble cost, long queueVersion) {
        return record(recipe, n, output, List.of(), started, finished, cost, queueVersion);
    }

    private Optional<Recorded> record(Recipe recipe, int n, Takes.Output output, List<ObjectStore.Aside> aside,
            long started, long finished, OptionalDouble cost, long queueVersion) {
        TakeReceipt take = new TakeReceipt(recipe.shot(), recipe.take(), recipe.id(), recipe.backend(), output.master(),
                output.proxy(), output.depth(), started, finished, cost);
        Optional<Recorded> recorded = group.submit(new Made(recipe, n, take, aside, queueVersion));
        if (recorded.isEmpty()) {
            return recorded;
        }
        listener.on(new BuildEvent(BuildEvent.Kind.RENDERED, recipe.shot(), recipe.take(), recipe.id(), n,
                Optional.of("version " + recorded.get().version()), cost.isPresent() ? Optional.of(cost.getAsDouble())
                        : Optional.empty()));
        changed.run();
        return recorded;
    }

    /** One transaction for a group of finished takes: those whose attempt still holds the render are recorded. */
    private List<Optional<Recorded>> recordAll(List<Made> made) {
        return store.database().transaction(c -> {
            boolean[] held = store.renders().rendered(c, made.stream().map(m -> new Renders.Made(m.recipe().id(),
                    m.attempt(), m.take().cost())).toList());
            List<Made> winners = new ArrayList<>();
            for (int i = 0; i < held.length; i++) {
                if (held[i]) {
                    winners.add(made.get(i));
                }
            }
            keepObjects(winners);
            int[] versions = store.takes().appendAll(c, winners.stream().map(Made::take).toList());
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < winners.size(); i++) {
                Made m = winners.get(i);
                events.add(Event.of(options.worker(), "rendered", "take " + m.take().label() + " v" + versions[i],
                        m.recipe().shot(), details(m.recipe(), m.attempt()), null));
            }
            store.events().appendAll(c, events);
            List<Made> queued = winners.stream().filter(m -> m.queueVersion() >= 0).toList();
            boolean[] removed = store.renders().dequeue(c, Builder.TASK, queued.stream().map(m -> m.recipe().id())
                    .toList(), queued.stream().map(Made::queueVersion).toList());
            List<Optional<Recorded>> out = new ArrayList<>();
            int w = 0;
            int q = 0;
            for (int i = 0; i < made.size(); i++) {
                if (!held[i]) {
                    out.add(Optional.empty());
                    continue;
                }
                boolean dequeued = made.get(i).queueVersion() >= 0 && removed[q++];
                out.add(Optional.of(new Recorded(versions[w++], dequeued)));
            }
            return out;
        });
    }

    /**
     * Makes the winners' outputs, recipes and receipts durable and named, all together ({@link
     * ObjectStore#keep}: at most two syncs of the objects' file system for the group where it offers one, shared
     * with any other group of the process that waits for one at the same time),
     * before the group's rows: what a lost database is rebuilt from. The receipts are written here,
     * after the fence, so a fenced-off loser never writes one; its outputs are never moved in.
     */
    private void keepObjects(List<Made> winners) {
        ObjectStore objects = store.objects();
        List<ObjectStore.Aside> group = new ArrayList<>();
        List<ObjectStore.Aside> written = new ArrayList<>();
        try {
            for (Made m : winners) {
                group.addAll(m.outputs());
                // a recipe's id is the hash of its body: aside writes nothing when the store holds it whole
                // (one stat, as a look first cost, and a damaged copy is replaced)
                written.add(objects.aside(m.recipe().canonical().getBytes(StandardCharsets.UTF_8)));
                written.add(objects.aside(m.take().bytes()));
            }
            group.addAll(written);
            objects.keep(group);
        } catch (IOException e) {
            objects.drop(written);
            throw new UncheckedIOException("cannot store the outputs and receipts of " + winners.size() + " take(s) ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Records that the render failed for good; {@code attempt} 0 when none was started. */
    void failed(Recipe recipe, int attempt, AttemptOutcome outcome, String reason) {
        failed(recipe.id(), recipe.shot(), recipe.take(), recipe.backend(), attempt, outcome, reason);
    }

    /**
     * The render of {@code id}, whose stored recipe (or a fix's root) is damaged, fails for good with the damage's
     * sentence (which names it and {@code slate verify}): rendered, it would make a take of another recipe.
     */
    void damaged(String id, DamagedRecipeException d) {
        failed(id, d.shot(), d.take(), d.backend(), 0, AttemptOutcome.PERMANENT, d.getMessage());
    }

    private void failed(String id, String shot, int take, String backend, int attempt, AttemptOutcome outcome,
            String reason) {
        store.database().transaction(c -> {
            if (attempt > 0) {
                store.renders().endAttempt(c, id, attempt, outcome.word(), reason);
            }
            store.renders().finish(c, id, RenderState.FAILED.word(), reason, OptionalDouble.empty());
            store.events().append(c, Event.of(options.worker(), "failed", id, shot, details(id, take, backend, attempt),
                    reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.FAILED, shot, take, id, attempt, Optional.of(reason), Optional.empty()));
        changed.run();
    }

    /** Records that attempt {@code attempt} (0: none started) ends and the render is tried again after {@code delay}. */
    void retry(Recipe recipe, int attempt, AttemptOutcome outcome, String reason, Duration delay) {
        store.database().transaction(c -> {
            if (attempt > 0) {
                store.renders().endAttempt(c, recipe.id(), attempt, outcome.word(), reason);
            }
            store.events().append(c, Event.of(options.worker(), "retry", recipe.id(), recipe.shot(),
                    details(recipe, attempt), reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.RETRY, recipe.shot(), recipe.take(), recipe.id(), attempt,
                Optional.of(reason + "; again in " + delay.toMillis() + " ms"), Optional.empty()));
    }

    /** Closes an attempt that ended in an exception nobody expected; the queue decides what follows. */
    void error(Recipe recipe, int attempt, String reason) {
        store.database().transaction(c -> {
            store.renders().endAttempt(c, recipe.id(), attempt, AttemptOutcome.ERROR.word(), reason);
            return null;
        });
    }

    /** Records the start of each claimed render's attempt ({@code attempts}, by recipe), inside the claim's transaction. */
    void started(Connection c, List<Recipe> claimed, Map<String, Integer> attempts) throws SQLException {
        List<Event> events = new ArrayList<>();
        for (Recipe r : claimed) {
            events.add(Event.of(options.worker(), "started", r.id(), r.shot(), details(r, attempts.get(r.id())), null));
        }
        store.events().appendAll(c, events);
    }

    void startedEvent(Recipe recipe, int n) {
        listener.on(new BuildEvent(BuildEvent.Kind.STARTED, recipe.shot(), recipe.take(), recipe.id(), n,
                Optional.empty(), Optional.empty()));
    }

    private static String details(Recipe r, int attempt) {
        return details(r.id(), r.take(), r.backend(), attempt);
    }

    private static String details(String id, int take, String backend, int attempt) {
        ObjectNode o = JSON.createObjectNode();
        o.put("take", take).put("recipe", id).put("backend", backend).put("attempt", attempt);
        return o.toString();
    }
}
