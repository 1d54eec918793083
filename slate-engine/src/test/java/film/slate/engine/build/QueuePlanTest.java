package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.TestPatternGenerator;
import film.slate.store.Store;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A farm build leaves the queue's table with PostgreSQL's statistics ({@code QueueStatistics}), so the farm's
 * statements that find entries by key (the pick's marking, the record's removal, the heartbeat) are planned as
 * look-ups of those keys and not as a walk of every entry of the task: on a store whose queue never had its
 * statistics, PostgreSQL takes {@code task_name = ?} (one value for every entry) for a rare value (0.5% of the
 * rows), and the walk of every entry by that condition alone looks cheaper than a look-up a key.
 */
class QueuePlanTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void theQueuesStatisticsKnowEveryEntryHasOneTaskNameOnceABuildHasQueuedThem(long seed) throws Exception {
        Random random = new Random(seed);
        int scenes = 20 + random.nextInt(30);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), scenes, 2 + random.nextInt(4));
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + STORES.storeYaml());
        Production p = ProductionReader.read(dir).production();
        try (Store store = STORES.open(StoreKind.POSTGRESQL, dir);
                Backends backends = new Backends(p, new Generators(Map.of())
                        .with(new TestPatternGenerator.Provider(TestPatternGenerator.Faults.NONE)))) {
            // Each case starts as a new store does, with no statistics of the queue: the TRUNCATE between cases keeps
            // them, and the cases after the first would pass on the first's. The cluster's user is its superuser.
            store.database().autocommit(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM pg_statistic WHERE starelid = 'scheduled_tasks'::regclass");
                }
            });
            assertThat(statisticsOfTaskName(store)).as("statistics of task_name before the build").isFalse();
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target("main"), ShotSelector.all(),
                    Optional.empty(), store);
            List<String> queued = new ArrayList<>(new Builder(store, backends, BuildOptions.defaults(),
                    Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC)).enqueue(plan, e -> { })
                    .recipes().keySet());
            // What the planner expects "task_name = ?" to find: every entry (the one task name), as many as the whole
            // table holds by its estimate; without statistics its guess is 0.5% of them.
            long named = estimate(store, " WHERE task_name = ?");
            long all = estimate(store, "");
            assertThat(named).as("%d entries queued, %d estimated in all", queued.size(), all).isEqualTo(all);
        }
    }

    private static boolean statisticsOfTaskName(Store store) {
        return store.database().read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM pg_stats WHERE"
                    + " schemaname = current_schema() AND tablename = 'scheduled_tasks' AND attname = 'task_name'")) {
                return rs.next();
            }
        });
    }

    /** PostgreSQL's estimate of the rows of the queue that {@code where} selects (EXPLAIN's first line). */
    private static long estimate(Store store, String where) {
        String line = store.database().read(c -> {
            try (PreparedStatement st = c.prepareStatement("EXPLAIN SELECT task_instance FROM scheduled_tasks" + where)) {
                if (!where.isEmpty()) {
                    st.setString(1, Builder.TASK);
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        Matcher m = Pattern.compile(" rows=(\\d+) ").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Long.parseLong(m.group(1));
    }
}
