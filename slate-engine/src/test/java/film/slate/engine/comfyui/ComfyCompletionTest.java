package film.slate.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.engine.build.BuildEvent;
import film.slate.engine.testing.BackendBuild;
import film.slate.engine.testing.DrivenTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a take learns that its prompt ended: from the server's websocket, polling only as the
 * fallback, asking {@code /history/{id}} and never the whole history; and how it waits for a
 * server that restarts. Time is a clock the test drives.
 */
class ComfyCompletionTest {
    @TempDir
    Path tmp;

    @Test
    void theWebsocketSaysWhenAPromptEndsSoNothingWaitsForAPoll() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 3, "url: " + comfy.url(), "");
            DrivenTime time = new DrivenTime();
            var r = BackendBuild.run(dir, 2, new ComfyGenerator.Provider(time));
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(comfy.socketsOpened).isNotEmpty();
            assertThat(time.slept()).as("no poll interval slept through").isZero();
            var again = BackendBuild.run(dir, 2, new ComfyGenerator.Provider(time));
            assertThat(again.summary().rendered()).isZero();
            assertThat(comfy.wholeHistory).as("requests for the whole /history").hasValue(0);
        }
    }

    @Test
    void withoutAWebsocketTheTakePollsAndStillFinishes() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            comfy.noWebSocket = true;
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 2, "url: " + comfy.url(), "");
            DrivenTime time = new DrivenTime();
            var r = BackendBuild.run(dir, 2, new ComfyGenerator.Provider(time));
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(comfy.socketsOpened).isEmpty();
            assertThat(time.slept()).as("poll intervals").isPositive();
            assertThat(comfy.wholeHistory).hasValue(0);
        }
    }

    @Test
    void aBuildThatStartsWhileTheServerIsDownWaitsForItsRestart() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 2, "url: " + comfy.url(), "");
            comfy.stop();
            DrivenTime time = new DrivenTime().onFirstSleep(() -> {
                try {
                    comfy.restart();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            var r = BackendBuild.run(dir, 2, new ComfyGenerator.Provider(time));
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(time.slept()).isPositive().isLessThan(ComfySettings.RESTART_WAIT);
        }
    }

    @Test
    void aServerThatStaysDownFailsWithItsSentenceAfterTheRestartWait() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 1, "url: " + comfy.url(), "restart_wait: 30\n");
            comfy.stop();
            DrivenTime time = new DrivenTime();
            assertThatThrownBy(() -> BackendBuild.run(dir, 1, new ComfyGenerator.Provider(time)))
                    .hasMessageContaining("no ComfyUI server answers with its version (" + comfy.url())
                    .hasMessageContaining("the connection was refused, for 30 s); start ComfyUI or fix url in slate.yaml");
            assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        }
    }
}
