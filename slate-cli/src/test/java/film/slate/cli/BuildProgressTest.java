package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.engine.build.BuildEvent;
import film.slate.engine.build.BuildEvent.Kind;
import film.slate.engine.build.BuildSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildProgressTest {
    static BuildEvent event(Kind kind, String shot, String reason) {
        return new BuildEvent(kind, shot, 1, "ab".repeat(32), 1, Optional.ofNullable(reason), Optional.empty());
    }

    @Test
    void onATerminalABarCountsTheTakesAndFailuresArePrintedAboveIt() {
        StringWriter text = new StringWriter();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (BuildProgress p = BuildProgress.bar(new PrintWriter(text), new PrintStream(terminal, true,
                StandardCharsets.UTF_8), 2)) {
            for (String shot : new String[] {"1/1A", "1/1B", "1/1C"}) {
                p.on(event(Kind.QUEUED, shot, null)); // a third (an input) joins the two of the plan
                p.on(event(Kind.STARTED, shot, null));
            }
            p.on(event(Kind.RENDERED, "1/1A", "version 1"));
            p.on(event(Kind.FAILED, "1/1B", "the backend refuses it"));
            p.on(event(Kind.RENDERED, "1/1C", "version 1"));
            p.summary(new BuildSummary(2, 0, 1, Duration.ofMillis(1500), 0));
        }
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("3/3");
        assertThat(text.toString().lines()).containsExactly("failed 1/1B#1: the backend refuses it",
                "2 rendered, 0 cached, 1 failed in 1.5 s, cost 0.00");
    }

    @Test
    void withoutATerminalEachStepIsALine() {
        StringWriter text = new StringWriter();
        try (BuildProgress p = BuildProgress.lines(new PrintWriter(text))) {
            p.on(event(Kind.QUEUED, "1/1A", null));
            p.on(event(Kind.STARTED, "1/1A", null));
            p.on(event(Kind.RETRY, "1/1A", "busy; again in 20 ms"));
            p.on(event(Kind.RENDERED, "1/1A", "version 1"));
            p.summary(new BuildSummary(1, 0, 0, Duration.ofMillis(100), 0));
        }
        assertThat(text.toString().lines()).containsExactly("started 1/1A#1", "retry 1/1A#1: busy; again in 20 ms",
                "rendered 1/1A#1: version 1", "1 rendered, 0 cached, 0 failed in 0.1 s, cost 0.00");
    }
}
