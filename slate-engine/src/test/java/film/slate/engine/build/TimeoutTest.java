package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.BackendConfig;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.testing.BackendBuild;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render whose time runs out is a timeout, whatever the interrupt made the generator say: a
 * generator busy in work of its own (an FFmpeg run preparing its inputs) reports the interrupt as a
 * fault of that work, and that fault is not the take's.
 */
class TimeoutTest {
    @TempDir
    Path tmp;

    @Test
    void aFaultThatTheTimeoutCausedIsReportedAsTheTimeout() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "command",
                "command: [tools/render.sh]\ntimeout: 1\nretries: 0\n");
        var r = BackendBuild.run(dir, 1, new InterruptedWork());
        assertThat(r.of(BuildEvent.Kind.FAILED)).isNotEmpty().allSatisfy(e -> assertThat(e.reason().orElseThrow())
                .contains("timed out after 1").doesNotContain("cannot encode"));
    }

    /** Stands in for the command backend: waits for the interrupt, then fails as an interrupted encode does. */
    private static final class InterruptedWork implements GeneratorProvider {
        @Override
        public String type() {
            return "command";
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new Generator() {
                @Override
                public String version() {
                    return "interrupted-work/1";
                }

                @Override
                public Capabilities capabilities() {
                    return Capabilities.of(1, true);
                }

                @Override
                public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
                        throws GeneratorFault {
                    try {
                        new CountDownLatch(1).await(); // only the timeout's interrupt ends this
                    } catch (InterruptedException e) {
                        throw GeneratorFault.permanent("cannot encode the depth pass (interrupted)", e);
                    }
                    throw new AssertionError("unreachable");
                }
            };
        }
    }
}
