package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.engine.generator.Generators;
import film.slate.engine.previz.PrevizGenerator;
import film.slate.media.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that only compile recipes (check, status, a dry run) need no FFmpeg and never look
 * for it; a build on a machine whose FFmpeg does not run stops before its first take with one
 * sentence naming the backend, and exit 2, instead of failing every take. The FFmpeg here is the
 * real lookup of a named executable ({@code SLATE_FFMPEG}'s) that is not there.
 */
class WithoutFfmpegTest {
    @TempDir
    Path tmp;
    private Path dir;
    private final AtomicInteger lookups = new AtomicInteger();
    private Rig rig;

    @BeforeEach
    void production() throws Exception {
        dir = tmp.resolve("lighthouse");
        Slate.copyExample(dir);
        Path nowhere = tmp.resolve("no-such-folder").resolve("ffmpeg");
        rig = new Rig(new Generators(java.util.Map.of()).with(new PrevizGenerator.Provider(() -> {
            lookups.incrementAndGet();
            return Ffmpeg.system(nowhere.toString(), Optional.empty());
        })), Slate.RETRY_BASE);
    }

    @Test
    void checkStatusAndADryRunAnswerWithoutLookingForFfmpeg() throws Exception {
        Slate.Run status = Slate.inProcess(rig, "status", dir.toString(), "--format", "json");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode shots = new ObjectMapper().readTree(status.out()).path("shots");
        assertThat(shots.size()).isPositive();
        assertThat(shots.findValuesAsText("state")).containsOnly("missing");

        Slate.Run dry = Slate.inProcess(rig, "build", dir.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would render 1/1A#1");

        Slate.Run check = Slate.inProcess(rig, "check", dir.toString());
        assertThat(check.err()).doesNotContain("ffmpeg");
        assertThat(check.code()).isNotEqualTo(ExitCode.CANNOT_RUN);
        assertThat(lookups).as("FFmpeg looked up by a command that renders nothing").hasValue(0);
    }

    @Test
    void aBuildWithoutFfmpegStopsOnceWithOneSentenceAndRendersNothing() throws Exception {
        Slate.Run build = Slate.inProcess(rig, "build", dir.toString());
        assertThat(build.code()).isEqualTo(ExitCode.CANNOT_RUN);
        List<String> lines = build.err().lines().toList();
        assertThat(lines).singleElement().asString()
                .startsWith("slate build: backend previz cannot start: ")
                .contains(tmp.resolve("no-such-folder").toString())
                .doesNotContain("Exception");
        assertThat(build.out()).doesNotContain("failed");
        assertThat(lookups).hasValue(1);
        // No take was tried, so none is recorded as failed: every one is still missing.
        Slate.Run status = Slate.inProcess(rig, "status", dir.toString(), "--format", "json");
        assertThat(new ObjectMapper().readTree(status.out()).path("shots").findValuesAsText("state")).containsOnly("missing");
    }
}
