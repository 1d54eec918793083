package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.TestPatternGenerator;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worker's own hold on the queue ({@link FarmQueue}) with the batched claim and record, as a
 * seeded property on both databases, on a driven clock: three workers pick batches of entries, claim
 * them together, heartbeat or not, revive each other's, put renders back for later and record them
 * in any order, while time jumps; a holder that was counted dead and whose render was claimed
 * again records nothing. Then a fourth worker drains the queue. Every take is recorded exactly
 * once, each render has exactly one successful attempt, and the queue is empty.
 */
class FarmQueueTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    private static final Duration DEAD_AFTER = Duration.ofSeconds(16);

    @TempDir
    Path tmp;

    static Stream<Arguments> trials() {
        return Stream.of(StoreKind.values()).flatMap(k -> LongStream.range(1, 9).mapToObj(seed -> Arguments.of(k, seed)));
    }

    private static final Instant START = Instant.parse("2026-12-03T00:00:00Z");

    /** A synthetic production of {@code scenes} x {@code shots} on a store of {@code kind}, every take queued at {@link #START}. */
    private record Queued(Store store, Backends backends, Map<String, Recipe> recipes) implements AutoCloseable {
        static Queued of(StoreKind kind, Path folder, int scenes, int shots) throws Exception {
            Path dir = SyntheticProduction.write(folder, scenes, shots);
            if (kind == StoreKind.POSTGRESQL) {
                Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + STORES.storeYaml());
            }
            Production p = ProductionReader.read(dir).production();
            Store store = STORES.open(kind, dir);
            Backends backends = new Backends(p, new Generators(Map.of())
                    .with(new TestPatternGenerator.Provider(TestPatternGenerator.Faults.NONE)));
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target("main"), ShotSelector.all(),
                    Optional.empty(), store);
            Map<String, Recipe> recipes = new Builder(store, backends, BuildOptions.defaults(),
                    Clock.fixed(START, ZoneOffset.UTC)).enqueue(plan, e -> { }).recipes();
            return new Queued(store, backends, recipes);
        }

        @Override
        public void close() {
            try {
                backends.close();
            } finally {
                store.close();
            }
        }
    }

    /** A claimed render a simulated worker holds: its entry, recipe and attempt. */
    private record Held(int worker, FarmQueue.Entry entry, Recipe recipe, int attempt) {
    }

    /** The simulated farm: its workers' queue holds and claims, the recorder, the driven time. */
    private static final class Farm {
        final Store store;
        final List<FarmQueue> queues = new ArrayList<>();
        final List<TakeClaim> claims = new ArrayList<>();
        final TakeRecorder recorder;
        final Map<String, Recipe> recipes;
        final List<Held> holding = new ArrayList<>();
        Instant now;

        Farm(Store store, Map<String, Recipe> recipes, Instant start) {
            this.store = store;
            this.recipes = recipes;
            this.now = start;
            this.recorder = new TakeRecorder(store, BuildOptions.defaults(), e -> { }, () -> { });
            for (int w = 0; w < 4; w++) {
                queues.add(new FarmQueue(store, List.of("main"), "w" + w));
                claims.add(new TakeClaim(store, new Budget(OptionalDouble.empty()), recorder, "w" + w));
            }
        }

        /** Picks and claims in one transaction, as the worker's loop does ({@link RenderJob#pickAndClaim}). */
        void pick(int w, int most) {
            List<FarmQueue.Entry> picked = new ArrayList<>();
            Map<String, Integer> attempts = store.database().transaction(c -> pickAndClaim(c, w, most, picked));
            for (FarmQueue.Entry e : picked) {
                int n = attempts.get(e.recipe());
                if (n > 0) {
                    holding.add(new Held(w, e, recipes.get(e.recipe()), n));
                } else {
                    queues.get(w).remove(e); // rendered already: the entry just goes
                }
            }
        }

        private Map<String, Integer> pickAndClaim(java.sql.Connection c, int w, int most, List<FarmQueue.Entry> picked)
                throws java.sql.SQLException {
            picked.addAll(queues.get(w).pick(c, most, now));
            List<Recipe> rs = picked.stream().map(e -> recipes.get(e.recipe())).toList();
            return rs.isEmpty() ? Map.of() : claims.get(w).claimTogether(c, rs);
        }

        /**
         * A pick and claim whose transaction fails after claiming: nothing is picked or claimed; then another
         * worker picks (reaching the versions the failed pick had given), and the failed one puts back what
         * it had picked, as the worker's loop does when it cannot tell whether its commit took: that moves
         * no entry it does not hold.
         */
        void pickThatRollsBack(int w, int most) {
            List<FarmQueue.Entry> picked = new ArrayList<>();
            Map<String, List<Object>> before = queueRows();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.database().transaction(c -> {
                pickAndClaim(c, w, most, picked);
                throw new IllegalStateException("the commit's answer was lost");
            })).hasMessageContaining("lost");
            assertThat(queueRows()).as("a pick and claim rolled back").isEqualTo(before);
            pick((w + 1) % 3, most);
            Map<String, List<Object>> other = queueRows();
            picked.forEach(e -> queues.get(w).later(e, now));
            assertThat(queueRows()).as("putting back a rolled-back pick's entries").isEqualTo(other);
        }

        /** Every queue entry's version, holder and due time, and every render's status and attempt. */
        Map<String, List<Object>> queueRows() {
            return store.database().read(c -> {
                Map<String, List<Object>> out = new java.util.HashMap<>();
                try (var st = c.prepareStatement("SELECT q.task_instance, q.version, q.picked_by, q.execution_time,"
                        + " r.status, r.attempt FROM scheduled_tasks q JOIN renders r ON r.recipe = q.task_instance");
                        var rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), java.util.Arrays.asList(rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6)));
                    }
                }
                return out;
            });
        }

        /** Records a held render's take; false when the fence refused it (its attempt no longer holds the render). */
        boolean finish(Held h) throws Exception {
            String master = store.objects().put((h.recipe().id() + " attempt " + h.attempt()).getBytes(StandardCharsets.UTF_8));
            Optional<TakeRecorder.Recorded> r = recorder.rendered(h.recipe(), h.attempt(), new Takes.Output(master,
                    Optional.empty(), Optional.empty()), now.toEpochMilli(), now.toEpochMilli(), OptionalDouble.empty(),
                    h.entry().version());
            if (r.isPresent() && !r.get().dequeued()) {
                queues.get(h.worker()).remove(h.entry());
            }
            return r.isPresent();
        }

        void later(Held h, Duration delay) {
            recorder.retry(h.recipe(), h.attempt(), AttemptOutcome.TRANSIENT, "try again", delay);
            queues.get(h.worker()).later(h.entry(), now.plus(delay));
        }
    }

    /**
     * A recipe row damaged in the database (its text another recipe's, or cut short) fails its render for good,
     * once, with the sentence that names the recipe and 'slate verify'; its entry goes and is never picked again
     * (the batch it came in is not rolled back and picked again for ever), and every other take is recorded once.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trials")
    void aDamagedRecipeFailsItsRenderOnceAndTheFarmGoesOn(StoreKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Queued q = Queued.of(kind, tmp.resolve("d"), 2, 3)) {
            Store store = q.store();
            List<String> ids = q.recipes().keySet().stream().sorted().toList();
            String bad = ids.get(random.nextInt(ids.size()));
            String text = q.recipes().get(bad).canonical();
            String damaged = seed % 2 == 0 ? text.substring(0, text.length() / 2)
                    : q.recipes().get(ids.get((ids.indexOf(bad) + 1) % ids.size())).canonical();
            store.database().autocommit(c -> {
                try (var st = c.prepareStatement("UPDATE recipes SET body = ? WHERE id = ?")) {
                    st.setString(1, damaged);
                    st.setString(2, bad);
                    return st.executeUpdate();
                }
            });
            List<BuildEvent> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            RenderJob job = new RenderJob(store, q.backends(), BuildOptions.defaults(), new Budget(OptionalDouble.empty()),
                    e -> {
                        if (e.kind() == BuildEvent.Kind.FAILED) {
                            failed.add(e);
                        }
                    }, Map.of(), Clock.systemUTC(), () -> { });
            FarmQueue queue = new FarmQueue(store, List.of("main"), "w0");
            Map<String, Integer> picks = new java.util.HashMap<>();
            try {
                for (int round = 0; round < 4 * ids.size(); round++) {
                    List<FarmQueue.Entry> picked = new ArrayList<>();
                    List<RenderJob.Step> steps = job.pickAndClaim(queue, 1 + random.nextInt(4), START.plusSeconds(60),
                            picked);
                    if (picked.isEmpty()) {
                        break;
                    }
                    for (int i = 0; i < picked.size(); i++) {
                        picks.merge(picked.get(i).recipe(), 1, Integer::sum);
                        if (!steps.get(i).run()) {
                            queue.remove(picked.get(i)); // as the worker's loop does
                        }
                    }
                }
            } finally {
                job.close();
            }
            assertThat(picks).as("each entry picked once").containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n)
                    .isEqualTo(1));
            var render = store.renders().get(bad).orElseThrow();
            assertThat(render.status()).isEqualTo("failed");
            assertThat(render.reason().orElseThrow()).contains(bad.substring(0, 12)).contains("slate verify");
            assertThat(failed).extracting(BuildEvent::recipe).containsExactly(bad);
            assertThat(store.takes().withRecipe(bad)).isEmpty();
            for (String id : ids) {
                if (!id.equals(bad)) {
                    assertThat(store.takes().withRecipe(id)).as("take of %s", id).map(TakeRecord::version).contains(1);
                }
            }
            assertThat(new Farm(store, q.recipes(), START).queueRows()).as("the queue").isEmpty();
        }
    }

    /**
     * Property: workers picking at once, each on its own connection, never pick one entry twice;
     * together they pick every due entry (PostgreSQL's SKIP LOCKED, SQLite's single writer). The
     * threads start together at a barrier; the seed sets each pick's batch size.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trials")
    void workersPickingAtOnceNeverPickOneEntryTwice(StoreKind kind, long seed) throws Exception {
        try (Queued q = Queued.of(kind, tmp.resolve("c"), 10, 6)) {
            Store store = q.store();
            Map<String, Recipe> recipes = q.recipes();
            Instant start = START;
            int workers = 6;
            CyclicBarrier together = new CyclicBarrier(workers);
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            try {
                List<Future<List<String>>> picks = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    FarmQueue queue = new FarmQueue(store, List.of("main"), "w" + w);
                    Random batch = new Random(seed * 31 + w);
                    picks.add(threads.submit(() -> {
                        together.await(1, TimeUnit.MINUTES);
                        List<String> mine = new ArrayList<>();
                        for (int empty = 0; empty < 3; ) { // three empty picks in a row: nothing left for this worker
                            List<FarmQueue.Entry> got = queue.pick(1 + batch.nextInt(8), start.plusSeconds(60));
                            got.forEach(e -> mine.add(e.recipe()));
                            empty = got.isEmpty() ? empty + 1 : 0;
                        }
                        return mine;
                    }));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> f : picks) {
                    all.addAll(f.get(2, TimeUnit.MINUTES));
                }
                assertThat(all).as("picked by %d workers at once", workers).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(recipes.keySet());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trials")
    void everyTakeIsRecordedOnceWhateverTheHoldersDo(StoreKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Queued q = Queued.of(kind, tmp.resolve("p"), 2, 3)) {
            Store store = q.store();
            Map<String, Recipe> recipes = q.recipes();
            Instant start = START;
            assertThat(recipes).hasSizeGreaterThanOrEqualTo(6);
            Farm farm = new Farm(store, recipes, start);
            int refused = 0;
            for (int step = 0; step < 120; step++) {
                int w = random.nextInt(3);
                List<Held> mine = farm.holding.stream().filter(h -> h.worker() == w).toList();
                switch (random.nextInt(7)) {
                    case 0 -> farm.pick(w, 1 + random.nextInt(4));
                    case 6 -> farm.pickThatRollsBack(w, 1 + random.nextInt(4));
                    case 1 -> farm.queues.get(w).heartbeat(farm.now);
                    case 2 -> farm.now = farm.now.plusMillis(random.nextInt(12_000));
                    case 3 -> farm.queues.get(w).reviveDead(farm.now.minus(DEAD_AFTER));
                    case 4 -> {
                        if (!mine.isEmpty()) {
                            Held h = mine.get(random.nextInt(mine.size()));
                            farm.holding.remove(h);
                            refused += farm.finish(h) ? 0 : 1;
                        }
                    }
                    default -> {
                        if (!mine.isEmpty()) {
                            Held h = mine.get(random.nextInt(mine.size()));
                            farm.holding.remove(h);
                            farm.later(h, Duration.ofMillis(random.nextInt(5_000)));
                        }
                    }
                }
            }
            List<Held> late = new ArrayList<>(farm.holding); // these holders are never heard of again until the end
            farm.holding.clear();
            farm.now = farm.now.plus(Duration.ofHours(1));
            farm.queues.get(3).reviveDead(farm.now.minus(DEAD_AFTER));
            for (int round = 0; round < 100 && store.workers().queued(Builder.TASK, List.of("main")) > 0; round++) {
                farm.pick(3, 4);
                for (Held h : List.copyOf(farm.holding)) {
                    farm.holding.remove(h);
                    assertThat(farm.finish(h)).as("the heir's claim holds its render").isTrue();
                }
            }
            for (Held h : late) {
                assertThat(farm.finish(h)).as("a holder counted dead, its render claimed again, records nothing").isFalse();
            }
            List<TakeRecord> takes = store.takes().ofAll();
            assertThat(takes).hasSize(recipes.size());
            assertThat(takes).allSatisfy(t -> assertThat(t.version()).isEqualTo(1));
            assertThat(store.workers().queued(Builder.TASK, List.of("main"))).isZero();
            for (String r : recipes.keySet()) {
                assertThat(store.renders().attemptOutcomes(r)).as("attempts of %s (%d refused in the run)", r, refused)
                        .containsOnlyOnce("ok");
            }
        }
    }
}
