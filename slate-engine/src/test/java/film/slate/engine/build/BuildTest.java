package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.TestPatternGenerator;
import film.slate.engine.testing.TestPatternGenerator.Faults;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearAttempts() {
        TestPatternGenerator.STARTS.clear();
    }

    record Result(BuildSummary summary, List<BuildEvent> events, Store store) {
    }

    static Result build(Path dir, BuildOptions options) throws Exception {
        return build(dir, options, Faults.NONE, Clock.systemUTC(), e -> { });
    }

    static Result build(Path dir, BuildOptions options, Faults faults) throws Exception {
        return build(dir, options, faults, Clock.systemUTC(), e -> { });
    }

    static Result build(Path dir, BuildOptions options, Faults faults, Clock clock, BuildListener also) throws Exception {
        Production p = ProductionReader.read(dir).production();
        Store store = Store.open(dir);
        Generators generators = new Generators(Map.of()).with(new TestPatternGenerator.Provider(faults));
        try (Backends backends = new Backends(p, generators)) {
            String name = backends.resolveName(options.backend());
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target(name),
                    options.shots().map(ShotSelector::parse).orElse(ShotSelector.all()), options.takes(), store);
            List<BuildEvent> events = new CopyOnWriteArrayList<>();
            BuildSummary s = new Builder(store, backends, options, clock).run(plan, e -> {
                events.add(e);
                also.on(e);
            });
            return new Result(s, events, store);
        }
    }

    static BuildOptions options() {
        return BuildOptions.defaults().withJobs(2).withRetryBase(Duration.ofMillis(20));
    }

    @Test
    void rendersEverythingOnceThenNothing() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 4);
        Result first = build(dir, options());
        assertThat(first.summary().rendered()).isEqualTo(10);
        assertThat(first.summary().failed()).isZero();
        assertThat(first.store().takes().count()).isEqualTo(10);
        for (var t : first.store().takes().ofAll()) {
            assertThat(first.store().objects().has(t.master().orElseThrow())).isTrue();
        }
        Result second = build(dir, options());
        assertThat(second.summary().rendered()).isZero();
        assertThat(second.summary().cached()).isEqualTo(10);
        assertThat(first.store().database().integrityCheck()).isEqualTo("ok");
    }

    @Test
    void transientFaultsAreRetriedPermanentOnesReportedOnce() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Result r = build(dir, options(), Faults.NONE.withTransient(2).withPermanent("1/1S2"));
        assertThat(r.summary().rendered()).isEqualTo(2);
        assertThat(r.summary().failed()).isEqualTo(1);
        assertThat(r.events().stream().filter(e -> e.kind() == BuildEvent.Kind.FAILED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.shot()).isEqualTo("1/1S2");
                    assertThat(e.reason().orElseThrow()).contains("refuses");
                });
        assertThat(r.events().stream().filter(e -> e.kind() == BuildEvent.Kind.RETRY)).hasSize(2 * 2);
        assertThat(r.store().takes().ofShot("1/1S2")).isEmpty();
        var failed = r.store().renders().all().values().stream().filter(x -> x.status().equals(RenderRecord.FAILED))
                .toList();
        assertThat(failed).singleElement().satisfies(x -> assertThat(x.shot()).isEqualTo("1/1S2"));
    }

    @Test
    void aTransientFaultThatNeverClearsFailsAfterTheRetries() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Result r = build(dir, options(), Faults.NONE.withTransient(100));
        assertThat(r.summary().failed()).isEqualTo(1);
        String recipe = r.events().get(0).recipe();
        assertThat(r.store().renders().attemptOutcomes(recipe)).containsExactly("transient", "transient", "transient",
                "transient");
    }

    @Test
    @Timeout(60)
    void anUnexpectedExceptionIsTriedAFewTimesThenReportedOnceAndTheBuildEnds() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Faults broken = Faults.NONE.withUnexpected("1/1S2");
        Result r = build(dir, options(), broken);
        assertThat(r.summary().rendered()).isEqualTo(2);
        assertThat(r.summary().failed()).isEqualTo(1);
        List<BuildEvent> failures = r.events().stream().filter(e -> e.kind() == BuildEvent.Kind.FAILED).toList();
        assertThat(failures).hasSize(1); // reported once
        BuildEvent failed = failures.get(0);
        assertThat(failed.shot()).isEqualTo("1/1S2");
        assertThat(failed.reason().orElseThrow()).contains("IllegalStateException", "broke on shot 1/1S2",
                "gave up after 3 attempts");
        assertThat(r.events().stream().filter(e -> e.kind() == BuildEvent.Kind.RETRY)).hasSize(2);
        assertThat(r.store().renders().attemptOutcomes(failed.recipe())).containsExactly("error", "error", "error");
        assertThat(r.store().renders().get(failed.recipe()).orElseThrow().status()).isEqualTo(RenderRecord.FAILED);
        assertThat(r.store().takes().ofShot("1/1S2")).isEmpty();
        assertThat(r.store().events().read(Optional.of("1/1S2"))).filteredOn(e -> e.action().equals("failed"))
                .hasSize(1);
        Result again = build(dir, options(), broken); // a new build tries the failed take again, and gives up again
        assertThat(again.summary().failed()).isEqualTo(1);
        assertThat(again.summary().cached()).isEqualTo(2);
    }

    @Test
    void theBudgetStopsRendersBeforeTheyStart() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3, "previz", "cost_per_second: 1\n");
        Result r = build(dir, options().withJobs(1).withBudget(2.0));
        assertThat(r.summary().rendered()).isEqualTo(2);
        assertThat(r.summary().failed()).isEqualTo(1);
        assertThat(r.summary().cost()).isEqualTo(2.0);
        assertThat(r.events().stream().filter(e -> e.kind() == BuildEvent.Kind.FAILED).findFirst().orElseThrow()
                .reason().orElseThrow()).contains("budget");
    }

    @Test
    void aSelectorBuildsOnlyItsShots() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 3);
        Result r = build(dir, options().withShots("2/*,@MARA"));
        // scene 1: 1S1 (both), 1S2 (Mara); scene 2: all three
        assertThat(r.store().takes().ofAll()).extracting(t -> t.shot())
                .containsExactlyInAnyOrder("1/1S1", "1/1S2", "2/2S1", "2/2S2", "2/2S3");
        assertThat(Files.exists(dir.resolve(".slate/slate.db"))).isTrue();
        assertThat(Optional.of(r.summary().rendered())).contains(5);
    }

    /** A clock the test moves; it stands still otherwise. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void takesAreRecordedAtTheBuildsClockTime() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Instant then = Instant.parse("2031-05-04T10:00:00Z");
        Result r = build(dir, options(), Faults.NONE, new TestClock(then), e -> { });
        assertThat(r.summary().rendered()).isEqualTo(2);
        assertThat(r.summary().time()).isZero(); // the clock stood still
        assertThat(r.store().takes().ofAll()).hasSize(2).allSatisfy(t -> {
            assertThat(t.startedAt()).isEqualTo(then.toEpochMilli());
            assertThat(t.finishedAt()).isEqualTo(then.toEpochMilli());
        });
    }

    @Test
    @Timeout(120)
    void aRetryWaitsForItsBackoffOnTheBuildsClockNotTheWall() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Instant start = Instant.parse("2031-05-04T10:00:00Z");
        TestClock clock = new TestClock(start);
        CountDownLatch retried = new CountDownLatch(3);
        BuildListener onRetry = e -> {
            if (e.kind() == BuildEvent.Kind.RETRY) {
                retried.countDown();
            }
        };
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            // Every take fails once; its retry is due a backoff later by the build's clock, which stands still.
            Future<Result> build = runner.submit(() -> build(dir, options().withRetryBase(Duration.ofSeconds(10)),
                    Faults.NONE.withTransient(1), clock, onRetry));
            assertThat(retried.await(100, TimeUnit.SECONDS)).isTrue();
            assertThat(build.isDone()).isFalse();
            // Past every backoff: the retries run now (a retry queued just as the clock moved is due a step later).
            while (!build.isDone()) {
                clock.advance(Duration.ofMinutes(2));
                try {
                    build.get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    // the next step of the clock
                }
            }
            Result r = build.get();
            assertThat(r.summary().rendered()).isEqualTo(3);
            assertThat(r.store().takes().ofAll()).hasSize(3)
                    .allSatisfy(t -> assertThat(t.finishedAt()).isGreaterThanOrEqualTo(start.plus(Duration.ofMinutes(2))
                            .toEpochMilli()));
        } finally {
            runner.shutdownNow();
        }
    }
}
