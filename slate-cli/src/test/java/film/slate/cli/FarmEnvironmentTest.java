package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.testing.TestPatternGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's {@code SLATE_DEAD_AFTER} comes from the command line's environment (the {@link Rig}),
 * as the signing key does, not from whatever process happens to run the command: a bad value is
 * one sentence and exit 2 from every command that joins or reads the queue.
 */
class FarmEnvironmentTest {
    @Test
    void aBadDeadAfterInTheRigsEnvironmentIsOneSentenceFromEveryQueueCommand(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Rig rig = Slate.rig(new TestPatternGenerator.Provider(TestPatternGenerator.Faults.NONE))
                .with(Map.of("SLATE_DEAD_AFTER", "soon"));
        for (List<String> line : List.of(List.of("build", dir.toString()), List.of("workers", dir.toString()))) {
            Slate.Run run = Slate.inProcess(rig, line.toArray(String[]::new));
            assertThat(run.code()).as(line + ": " + run.err()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(run.err().strip()).as(line.toString()).contains("SLATE_DEAD_AFTER").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }
}
