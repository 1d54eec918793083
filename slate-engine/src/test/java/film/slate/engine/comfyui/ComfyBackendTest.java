package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.engine.build.BuildEvent;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.VideoInfo;
import film.slate.store.db.TakeRecord;
import film.slate.engine.build.BuildException;
import film.slate.engine.testing.BackendBuild;
import film.slate.engine.testing.DrivenTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The ComfyUI backend end to end: the real Builder, real previz, a fake ComfyUI that speaks the protocol. */
class ComfyBackendTest {
    @TempDir
    Path tmp;

    @Test
    void rendersEachTakeOnceConditionedOnPrevizAndNormalisedToTheProductionFormat() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 2, "url: " + comfy.url(), "");
            var r = ComfyProduction.build(dir, 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4); // two comfy takes and their two previz takes
            assertThat(comfy.duplicates).isEmpty();
            assertThat(comfy.submissions).hasSize(2).allSatisfy((k, n) -> assertThat(n.get()).isEqualTo(1));
            assertThat(comfy.uploads).hasSize(2).allSatisfy(u -> assertThat(u).matches("slate-[0-9a-f]{16}\\.png"));
            for (TakeRecord t : r.store().takes().ofAll()) {
                if (!t.backend().equals("main")) {
                    continue;
                }
                var recipe = r.store().recipes().get(t.recipe()).orElseThrow();
                assertThat(recipe.content().backend().version())
                        .startsWith("comfyui 0.3.40 torch 2.6.0+cu124 workflow ");
                assertThat(t.proxy()).isPresent();
                VideoInfo info = Ffmpeg.find().probe(r.store().objects().path(t.master().orElseThrow()));
                assertThat(info.codec()).isEqualTo("ffv1");
                assertThat(info.width()).isEqualTo(64);
                assertThat(info.height()).isEqualTo(36);
                assertThat(info.fps()).isEqualTo(12.0);
                assertThat(info.frames()).isEqualTo(recipe.frames());
            }
            // a second build renders nothing and asks the server for nothing but its version
            int before = comfy.submissionsTotal();
            var again = ComfyProduction.build(dir, 2);
            assertThat(again.summary().rendered()).isZero();
            assertThat(comfy.submissionsTotal()).isEqualTo(before);
        }
    }

    private Path production(FakeComfy comfy, int shots) throws Exception {
        return ComfyProduction.write(tmp.resolve("p"), 1, shots, "url: " + comfy.url(), "");
    }

    private static void assertOneLivePromptPerTake(FakeComfy comfy) {
        assertThat(comfy.duplicates).as("keys submitted while a live prompt held them").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRefusedWorkflowFailsOnceNamingNodeClassAndInput(boolean asList) throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.badCheckpoint = "sd_xl_base_1.0.safetensors";
            comfy.nodeErrorsAsList = asList;
            var r = ComfyProduction.build(production(comfy, 1), 1);
            assertThat(r.of(BuildEvent.Kind.RETRY)).isEmpty();
            assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .contains("node 4 (CheckpointLoaderSimple) input ckpt_name: Value not in list")
                    .contains("not in ['sd_xl_base_1.0.safetensors']"));
            assertThat(comfy.submissionsTotal()).isZero();
        }
    }

    @Test
    void anExecutionErrorFailsOnceNamingTheNode() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.failNextExecution = true;
            var r = ComfyProduction.build(production(comfy, 1), 1);
            assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .isEqualTo("ComfyUI failed at node 3 (KSampler): CUDA out of memory. Tried to allocate 2 GiB"));
            assertThat(r.of(BuildEvent.Kind.RETRY)).isEmpty();
        }
    }

    @Test
    void aServerThatIgnoresOurPromptIdIsFollowedByTheIdItAnswers() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.honourPromptId = false;
            var r = ComfyProduction.build(production(comfy, 2), 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(comfy.submissionsTotal()).isEqualTo(2);
        }
    }

    @Test
    void aPromptThatFinishesWithoutOutputsFailsWithOneReason() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.noOutputs = true;
            var r = ComfyProduction.build(production(comfy, 1), 1);
            assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .contains("finished without images or videos"));
            assertThat(comfy.submissionsTotal()).isEqualTo(1);
        }
    }

    @Test
    void outputsTheServerNoLongerServesAreRetriedWithoutResubmittingThenReported() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.viewMissing = true;
            var r = ComfyProduction.build(production(comfy, 1), 1);
            assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .contains("does not serve").contains("404").contains("gave up after 7 attempts"));
            assertThat(comfy.submissionsTotal()).as("retries find the finished prompt in /history").isEqualTo(1);
        }
    }

    @Test
    void aPromptThatVanishesFromTheQueueIsSubmittedAgainOnce() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.vanishNext = true;
            var r = ComfyProduction.build(production(comfy, 1), 1);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.of(BuildEvent.Kind.RETRY)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .contains("vanished from the queue"));
            assertThat(comfy.submissionsTotal()).isEqualTo(2);
            assertOneLivePromptPerTake(comfy);
        }
    }

    @Test
    void aSubmissionWhoseAnswerIsLostIsFoundInsteadOfRepeated() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.fault("POST /prompt", FakeComfy.Fault.ACCEPT_THEN_STALL, 1);
            comfy.fault("POST /prompt", FakeComfy.Fault.ACCEPT_THEN_500, 1);
            var r = ComfyProduction.build(production(comfy, 2), 2);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(comfy.submissionsTotal()).isEqualTo(2);
            assertOneLivePromptPerTake(comfy);
        }
    }

    @Test
    void aServerRestartMidRenderLosesThePromptAndTheTakeCompletesOnce() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.renderMs = 600;
            Path dir = production(comfy, 1);
            Thread restarter = new Thread(() -> {
                try {
                    while (comfy.submissionsTotal() == 0) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(100);
                    comfy.stop();
                    Thread.sleep(300);
                    comfy.renderMs = 30;
                    comfy.restart();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            restarter.start();
            var r = ComfyProduction.build(dir, 1);
            restarter.join();
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(2);
            assertThat(comfy.submissionsTotal()).isEqualTo(2);
            assertOneLivePromptPerTake(comfy);
        }
    }

    @Test
    void noServerAtAllIsOneClearSentence() throws Exception {
        Path dir;
        try (FakeComfy comfy = new FakeComfy()) {
            dir = production(comfy, 1);
        }
        // Driven time: the restart wait (two minutes by default) passes without sleeping through it.
        DrivenTime time = new DrivenTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendBuild.run(dir, 1, new ComfyGenerator.Provider(time)))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("backend main cannot start: no ComfyUI server answers")
                .hasMessageContaining("for " + ComfySettings.RESTART_WAIT.toSeconds() + " s")
                .hasMessageContaining("connection was refused").hasMessageContaining("start ComfyUI or fix url");
    }

    static Stream<Long> seeds() {
        int trials = Integer.getInteger("slate.trials", 4);
        return IntStream.range(0, trials).mapToObj(i -> 0x5EEDL * 31 + i);
    }

    private static final List<String> ROUTES = List.of("GET /queue", "GET /history", "GET /history/", "POST /prompt",
            "POST /upload/image", "GET /view");

    /**
     * Seeded fault schedules over every route: 5xx bursts, malformed JSON, stalls, slow answers,
     * dropped connections, lost answers to accepted prompts, a vanished prompt, a restart. Every
     * take completes exactly once and no key is ever submitted while a live prompt holds it.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void underSeededFaultsEveryTakeCompletesOnceWithoutDuplicates(long seed) throws Exception {
        Random rnd = new Random(seed);
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.stallMs = 900;
            List<String> schedule = new ArrayList<>();
            FakeComfy.Fault[] kinds = FakeComfy.Fault.values();
            for (int i = 0; i < 5; i++) {
                String route = ROUTES.get(rnd.nextInt(ROUTES.size()));
                FakeComfy.Fault f = kinds[rnd.nextInt(kinds.length)];
                int times = 1 + rnd.nextInt(2);
                comfy.fault(route, f, times);
                schedule.add(route + " " + f + " x" + times);
            }
            comfy.vanishNext = rnd.nextBoolean();
            boolean restart = rnd.nextInt(3) == 0;
            Thread restarter = new Thread(() -> {
                try {
                    while (restart && comfy.submissionsTotal() == 0) {
                        Thread.sleep(5);
                    }
                    if (restart) {
                        comfy.stop();
                        Thread.sleep(200);
                        comfy.restart();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            restarter.start();
            var r = ComfyProduction.build(production(comfy, 3), 2);
            restarter.join();
            String why = "seed " + seed + ", faults " + schedule + ", vanish " + comfy.vanishNext + ", restart " + restart
                    + ", events " + r.events();
            assertThat(r.of(BuildEvent.Kind.FAILED)).as(why).isEmpty();
            assertThat(r.store().takes().ofAll().stream().filter(t -> t.backend().equals("main"))).as(why).hasSize(3);
            assertOneLivePromptPerTake(comfy);
        }
    }

    @Test
    void aPoolSpreadsTakesOverHealthyServersAndLeavesOutOneThatRunsAnotherVersion() throws Exception {
        try (FakeComfy a = new FakeComfy(); FakeComfy b = new FakeComfy(); FakeComfy other = new FakeComfy()) {
            other.version = "0.2.2";
            a.renderMs = 150;
            b.renderMs = 150;
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 4, "urls:\n  - { url: " + a.url()
                    + ", concurrency: 1 }\n  - { url: " + b.url() + ", concurrency: 1 }\n  - " + other.url(), "");
            var r = ComfyProduction.build(dir, 4);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(a.submissionsTotal()).isPositive();
            assertThat(b.submissionsTotal()).isPositive();
            long takes = r.store().takes().ofAll().stream().filter(t -> t.backend().equals("main")).count();
            assertThat(takes).isEqualTo(5); // shot 4 asks for two takes
            assertThat(a.submissionsTotal() + b.submissionsTotal()).isEqualTo(5);
            assertThat(other.submissionsTotal()).isZero();
        }
    }

    @Test
    void aServerUpgradeMakesTakesStaleInsteadOfSilentlyDifferent() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = production(comfy, 1);
            assertThat(ComfyProduction.build(dir, 1).summary().rendered()).isEqualTo(2);
            comfy.samplerInfo = "a new sampler option"; // object_info of a class the workflow uses
            var again = ComfyProduction.build(dir, 1);
            assertThat(again.summary().rendered()).as("the comfy take, not its previz").isEqualTo(1);
            comfy.version = "0.3.41";
            assertThat(ComfyProduction.build(dir, 1).summary().rendered()).isEqualTo(1);
            assertThat(comfy.submissionsTotal()).isEqualTo(3);
        }
    }
}
