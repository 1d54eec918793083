package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.store.db.BackendSlots;
import film.slate.store.db.DatabaseClock;
import film.slate.store.db.Renders;
import film.slate.store.db.Workers;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The farm's tables on SQLite and PostgreSQL (issue 17): backend slots never hold more than the
 * limit, whatever the order of takes, releases and expiries (seeded, against a model, with times
 * the test chooses); racing takers get exactly the free slots; the gc lease and live workers
 * exclude each other; a later attempt fences an earlier one off the take.
 */
class FarmTablesTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    static Stream<Arguments> slotSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            for (long seed = 0; seed < Integer.getInteger("slate.farm.trials", 3); seed++) {
                out.add(Arguments.of(kind, seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("slotSeeds")
    void slotsNeverExceedTheLimitAndExpiredOnesComeFree(StoreKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        int limit = 1 + random.nextInt(4);
        try (Store s = STORES.open(kind, tmp)) {
            BackendSlots slots = new BackendSlots(s.database());
            Map<String, Long> model = new HashMap<>(); // holder -> expires
            long now = 1_000_000;
            for (int step = 0; step < 60; step++) {
                now += random.nextInt(400);
                long at = now;
                model.values().removeIf(expires -> expires < at);
                int op = random.nextInt(3);
                if (op < 2) {
                    String holder = "h" + step;
                    long expires = now + 200 + random.nextInt(800);
                    boolean took = slots.take("comfy", limit, holder, now, expires);
                    assertThat(took).as("step %d: %d of %d held", step, model.size(), limit).isEqualTo(model.size() < limit);
                    if (took) {
                        model.put(holder, expires);
                    }
                } else if (!model.isEmpty()) {
                    String holder = model.keySet().iterator().next();
                    slots.release(holder);
                    model.remove(holder);
                }
                assertThat(slots.held("comfy", now)).isEqualTo(model.size()).isLessThanOrEqualTo(limit);
            }
            assertThat(slots.take("other", 1, "x", now, now + 10)).isTrue(); // another backend has its own slots
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void racingTakersGetExactlyTheFreeSlots(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            BackendSlots slots = new BackendSlots(s.database());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> takers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String holder = "t" + i;
                    takers.add(() -> slots.take("comfy", 3, holder, 10, 1_000));
                }
                int took = 0;
                for (Future<Boolean> f : pool.invokeAll(takers)) {
                    took += f.get() ? 1 : 0;
                }
                assertThat(took).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theGcLeaseAndLiveWorkersExcludeEachOther(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Workers workers = s.workers();
            assertThat(workers.register("w1", "gpu-1", List.of("comfy"), 4, 1_000)).isEmpty();
            assertThat(workers.leaseForGc("gc@a", 2_000, 12_000, 2_000 - 5_000)).contains("w1");
            assertThat(workers.heartbeat("w1", 9_000, 9_000 - 5_000)).isFalse(); // it lapsed: counted dead
            assertThat(workers.leaseForGc("gc@a", 9_000, 19_000, 9_000 - 5_000)).isEmpty(); // w1 is dead
            assertThat(workers.leaseForGc("gc@b", 9_100, 19_000, 9_100 - 5_000)).contains("gc@a");
            assertThat(workers.register("w1", "gpu-1", List.of("comfy"), 4, 9_200)).contains("gc@a");
            workers.releaseGc("gc@a");
            assertThat(workers.register("w1", "gpu-1", List.of("comfy"), 4, 9_300)).isEmpty();
            assertThat(workers.heartbeat("w1", 9_400, 9_400 - 5_000)).isTrue();
            assertThat(workers.all()).singleElement().satisfies(w -> {
                assertThat(w.backends()).containsExactly("comfy");
                assertThat(w.heartbeatAt()).isEqualTo(9_400);
                assertThat(w.state()).isEqualTo(Workers.RUNNING);
            });
            workers.state("w1", Workers.STOPPED);
            assertThat(workers.leaseForGc("gc@b", 9_500, 19_000, 9_500 - 5_000)).isEmpty(); // a stopped worker holds nothing
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLaterAttemptFencesAnEarlierOneOff(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Recipe r = DatabaseTest.recipe("1/1A", 1, "fence");
            s.recipes().put(List.of(r));
            s.database().transaction(c -> {
                s.renders().queue(c, r.id(), "1/1A", 1, "main");
                assertThat(s.renders().start(c, r.id(), "w1")).isEqualTo(1);
                assertThat(s.renders().holds(c, r.id(), 1)).isTrue();
                assertThat(s.renders().start(c, r.id(), "w2")).isEqualTo(2); // w1 counted dead, the render revived
                assertThat(s.renders().holds(c, r.id(), 1)).isFalse();
                assertThat(s.renders().holds(c, r.id(), 2)).isTrue();
                return null;
            });
            assertThat(s.renders().attemptOutcomes(r.id())).containsExactly(Renders.ABANDONED, null);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theDatabaseClockIsTheServersWhateverThisMachinesClockSays(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Clock skewed = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC); // a machine an era off
            long seen = new DatabaseClock(s.database(), skewed).millis();
            long real = System.currentTimeMillis();
            if (kind == StoreKind.POSTGRESQL) {
                assertThat(Math.abs(seen - real)).isLessThan(60_000); // the server's time, not this machine's
            } else {
                assertThat(seen).isEqualTo(skewed.millis()); // SQLite lives on this machine: its clock
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void entriesOfAGoneProcessOfThisMachineAreHandedBackAtOnceAndNoOthers(StoreKind kind) throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .start();
        gone.waitFor();
        String self = Actor.current();
        String here = self.substring(0, self.lastIndexOf(':') + 1);
        try (Store s = STORES.open(kind, tmp)) {
            s.database().transaction(c -> {
                try (var st = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time,"
                        + " picked, picked_by, version) VALUES ('render-take', ?, ?, ?, ?, 3)")) {
                    String[][] rows = {{"a", here + gone.pid()}, {"b", self}, {"c", "someone@elsewhere:" + gone.pid()},
                        {"d", "w7"}, {"e", null}};
                    for (String[] r : rows) {
                        st.setString(1, r[0]);
                        st.setTimestamp(2, new java.sql.Timestamp(1_000));
                        st.setBoolean(3, r[1] != null);
                        st.setString(4, r[1]);
                        st.executeUpdate();
                    }
                }
                return null;
            });
            assertThat(s.workers().handBackDead("render-take", self)).isEqualTo(1);
            Map<String, String> picked = s.database().read(c -> {
                Map<String, String> out = new HashMap<>();
                try (var st = c.prepareStatement("SELECT task_instance, picked, picked_by, version FROM scheduled_tasks");
                        var rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getBoolean(2) + " " + rs.getString(3) + " " + rs.getLong(4));
                    }
                }
                return out;
            });
            assertThat(picked).containsEntry("a", "false null 4") // free for the next fetch; the gone holder's version is past
                    .containsEntry("b", "true " + self + " 3").containsEntry("c", "true someone@elsewhere:" + gone.pid() + " 3")
                    .containsEntry("d", "true w7 3").containsEntry("e", "false null 3");
        }
    }
}
