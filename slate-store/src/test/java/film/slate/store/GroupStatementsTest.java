package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.store.db.Event;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.Renders;
import film.slate.store.db.TakeRecord;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The group statements (one statement a table for a whole group: claims, attempts, the fenced
 * record, take versions, events, dequeues) against a row-by-row model, on both databases, as a
 * seeded property: groups of any size (empty ones too) with duplicates, unknown recipes, losers
 * (attempts a later claim fenced off) and stale queue versions. Each answer and the tables after
 * each step are what the rows one at a time would have made.
 */
class GroupStatementsTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    private static final String TASK = "render";

    @TempDir
    Path tmp;

    static Stream<Arguments> trials() {
        return Stream.of(StoreKind.values()).flatMap(k -> LongStream.range(0, 6).mapToObj(seed -> Arguments.of(k, seed)));
    }

    /** The model of one render: the rows one statement at a time would leave. */
    private static final class Model {
        String status = RenderRecord.QUEUED;
        int attempt;
        final List<String> outcomes = new ArrayList<>(); // by attempt; null while open
        long queueVersion = 1; // 0: no entry
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trials")
    void groupStatementsDoWhatTheirRowsOneByOneWouldDo(StoreKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Store s = STORES.open(kind, tmp)) {
            List<Recipe> recipes = new ArrayList<>();
            Map<String, Model> model = new LinkedHashMap<>();
            for (int i = 0; i < 4 + random.nextInt(6); i++) {
                // takes of a few labels only, so one group appends several versions of one take
                recipes.add(DatabaseTest.recipe("g/1A", 1 + i % 3, "seed " + seed + " recipe " + i));
            }
            s.recipes().put(recipes);
            s.database().transaction(c -> {
                for (Recipe r : recipes) {
                    s.renders().queue(c, r.id(), r.shot(), r.take(), "main");
                    try (PreparedStatement st = c.prepareStatement("INSERT INTO scheduled_tasks (task_name,"
                            + " task_instance, execution_time, picked, version) VALUES (?, ?, ?, ?, 1)")) {
                        st.setString(1, TASK);
                        st.setString(2, r.id());
                        st.setTimestamp(3, new java.sql.Timestamp(0));
                        st.setBoolean(4, false);
                        st.executeUpdate();
                    }
                    model.put(r.id(), new Model());
                }
                return null;
            });
            Map<String, Integer> versions = new HashMap<>(); // latest version by shot#take
            for (int step = 0; step < 40; step++) {
                int op = random.nextInt(4);
                if (op == 0) {
                    claim(s, pick(random, recipes, 6), model, step);
                } else if (op == 1) {
                    record(s, random, recipes, model, versions, step);
                } else if (op == 2) {
                    dequeue(s, random, recipes, model, step);
                } else {
                    movePickedVersions(s, random, recipes, model);
                }
                assertTablesMatch(s, model, versions, step);
            }
        }
    }

    /** 0..most recipe ids, with repeats, and now and then one the store does not know. */
    private static List<String> pick(Random random, List<Recipe> recipes, int most) {
        List<String> out = new ArrayList<>();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            out.add(random.nextInt(10) == 0 ? "0".repeat(64) : recipes.get(random.nextInt(recipes.size())).id());
        }
        return out;
    }

    private static void claim(Store s, List<String> group, Map<String, Model> model, int step) {
        Map<String, Integer> expected = new HashMap<>();
        for (String id : group) {
            Model m = model.get(id);
            if (m != null && !expected.containsKey(id)
                    && (m.status.equals(RenderRecord.QUEUED) || m.status.equals(RenderRecord.RENDERING))) {
                m.status = RenderRecord.RENDERING;
                m.attempt++;
                m.outcomes.replaceAll(o -> o == null ? Renders.ABANDONED : o);
                m.outcomes.add(null);
                expected.put(id, m.attempt);
            }
        }
        Map<String, Integer> started = s.database().transaction(c -> s.renders().claim(c, group, "w" + step));
        assertThat(started).as("step %d: claim %s", step, group).isEqualTo(expected);
    }

    /** What a group's record does (as TakeRecorder does it): the fenced update, then versions, events, dequeues. */
    private static void record(Store s, Random random, List<Recipe> recipes, Map<String, Model> model,
            Map<String, Integer> versions, int step) {
        List<Renders.Made> made = new ArrayList<>();
        List<Recipe> of = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            Recipe r = recipes.get(random.nextInt(recipes.size()));
            int current = model.get(r.id()).attempt;
            int attempt = random.nextInt(3) == 0 ? Math.max(0, current - 1 - random.nextInt(2)) : current; // a loser
            OptionalDouble cost = random.nextBoolean() ? OptionalDouble.of(random.nextInt(100) / 8.0) : OptionalDouble.empty();
            int copies = random.nextInt(5) == 0 ? 2 : 1; // the same attempt handed in twice
            for (int k = 0; k < copies; k++) {
                made.add(new Renders.Made(r.id(), attempt, cost));
                of.add(r);
            }
        }
        boolean[] expected = new boolean[made.size()];
        Set<String> ended = new HashSet<>();
        for (int i = 0; i < made.size(); i++) {
            Model m = model.get(made.get(i).recipe());
            if (m.status.equals(RenderRecord.RENDERING) && m.attempt == made.get(i).attempt()
                    && ended.add(made.get(i).recipe())) {
                expected[i] = true;
            }
        }
        List<TakeReceipt> winners = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Integer> expectedVersions = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            if (expected[i]) {
                Recipe r = of.get(i);
                Model m = model.get(r.id());
                m.status = RenderRecord.RENDERED;
                m.outcomes.set(m.attempt - 1, Renders.OK);
                winners.add(new TakeReceipt(r.shot(), r.take(), r.id(), "main", "m" + step + "-" + i,
                        random.nextBoolean() ? Optional.of("p" + i) : Optional.empty(), Optional.empty(), 1000L * step,
                        1000L * step + random.nextInt(900), made.get(i).cost()));
                expectedVersions.add(versions.merge(r.shot() + "#" + r.take(), 1, Integer::sum));
                events.add(Event.of("w" + step, "rendered", "take " + i, r.shot(), random.nextBoolean() ? "{}" : null,
                        random.nextBoolean() ? "why " + i : null));
            }
        }
        long before = s.events().lastId();
        int takesBefore = s.takes().count();
        s.database().transaction(c -> {
            boolean[] held = s.renders().rendered(c, made);
            assertThat(held).as("step %d: held of %s", step, made).isEqualTo(expected);
            int[] v = s.takes().appendAll(c, winners);
            assertThat(v).as("step %d: versions", step).containsExactly(expectedVersions.stream().mapToInt(x -> x).toArray());
            s.events().appendAll(c, events);
            return null;
        });
        List<TakeRecord> appended = s.takes().ofAll().subList(takesBefore, takesBefore + winners.size());
        for (int i = 0; i < winners.size(); i++) {
            TakeReceipt w = winners.get(i);
            TakeRecord t = appended.get(i);
            assertThat(List.of(t.recipe(), t.master(), t.proxy(), t.version(), t.renderMillis(), t.cost().isPresent()))
                    .isEqualTo(List.of(w.recipe(), Optional.of(w.master()), w.proxy(), expectedVersions.get(i),
                            w.finishedAt() - w.startedAt(), w.cost().isPresent()));
            if (w.cost().isPresent()) {
                assertThat(t.cost().getAsDouble()).isEqualTo(w.cost().getAsDouble());
            }
        }
        List<Event> logged = s.events().after(before);
        assertThat(logged).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Event l = logged.get(i);
            assertThat(List.of(l.actor(), l.action(), l.object(), l.shot(), l.details(), l.reason()))
                    .isEqualTo(List.of(e.actor(), e.action(), e.object(), e.shot(), e.details(), e.reason()));
        }
    }

    private static void dequeue(Store s, Random random, List<Recipe> recipes, Map<String, Model> model, int step) {
        List<String> ids = pick(random, recipes, 6);
        List<Long> versions = new ArrayList<>();
        boolean[] expected = new boolean[ids.size()];
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Model m = model.get(ids.get(i));
            long at = m == null || m.queueVersion == 0 ? 1 : random.nextInt(3) == 0 ? m.queueVersion - 1 : m.queueVersion;
            versions.add(at);
            if (m != null && m.queueVersion != 0 && m.queueVersion == at && gone.add(ids.get(i))) {
                expected[i] = true;
            }
        }
        gone.forEach(id -> model.get(id).queueVersion = 0);
        boolean[] removed = s.database().transaction(c -> s.renders().dequeue(c, TASK, ids, versions));
        assertThat(removed).as("step %d: dequeue %s at %s", step, ids, versions).isEqualTo(expected);
    }

    /** Another holder picks some entries meanwhile: their versions move on, so older versions no longer match. */
    private static void movePickedVersions(Store s, Random random, List<Recipe> recipes, Map<String, Model> model) {
        List<String> ids = pick(random, recipes, 3).stream().distinct().toList();
        s.database().transaction(c -> {
            for (String id : ids) {
                try (PreparedStatement st = c.prepareStatement("UPDATE scheduled_tasks SET version = version + 1"
                        + " WHERE task_name = ? AND task_instance = ?")) {
                    st.setString(1, TASK);
                    st.setString(2, id);
                    if (st.executeUpdate() == 1) {
                        model.get(id).queueVersion++;
                    }
                }
            }
            return null;
        });
    }

    private static void assertTablesMatch(Store s, Map<String, Model> model, Map<String, Integer> versions, int step) {
        Map<String, RenderRecord> renders = s.renders().all();
        Map<String, Long> queue = s.database().read(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT task_instance, version FROM scheduled_tasks");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
        for (var e : model.entrySet()) {
            Model m = e.getValue();
            assertThat(renders.get(e.getKey()).status()).as("step %d: status", step).isEqualTo(m.status);
            assertThat(s.renders().attemptOutcomes(e.getKey())).as("step %d: attempts", step).isEqualTo(m.outcomes);
            assertThat(Optional.ofNullable(queue.get(e.getKey()))).as("step %d: queue entry", step)
                    .isEqualTo(m.queueVersion == 0 ? Optional.empty() : Optional.of(m.queueVersion));
        }
        Map<String, Integer> latest = new HashMap<>();
        s.takes().latestAll().forEach((label, t) -> latest.put(label, t.version()));
        assertThat(latest).as("step %d: latest versions", step).isEqualTo(versions);
    }
}
