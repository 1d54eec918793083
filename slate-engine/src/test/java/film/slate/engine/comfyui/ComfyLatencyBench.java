package film.slate.engine.comfyui;

import film.slate.core.model.BackendConfig;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a timed test: from the server's last {@code executed} message of a prompt to the moment
 * the take's render returns (history asked, outputs downloaded, normalised), and the part before
 * the download ("learnt"). Run with
 * {@code mvn -o -pl slate-engine -am test -Dtest=ComfyLatencyBench -Dslate.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "slate.bench", matches = "true")
class ComfyLatencyBench {
    @TempDir
    Path tmp;

    @Test
    void executedToRecorded() throws Exception {
        for (String mode : List.of("websocket", "polling 1 s")) {
            try (FakeComfy comfy = new FakeComfy()) {
                comfy.renderMs = 200;
                comfy.noWebSocket = !mode.equals("websocket");
                Path dir = ComfyProduction.write(tmp.resolve(mode.replace(' ', '-')), 2, 10, "url: " + comfy.url(), "");
                Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                        .replace("control: /10/inputs/image", "").replace("poll_interval: 0.02", "poll_interval: 1"));
                List<Double> learnt = Collections.synchronizedList(new ArrayList<>());
                List<Double> done = Collections.synchronizedList(new ArrayList<>());
                BackendBuild.run(dir, 1, new Timed(new ComfyGenerator.Provider(), comfy, learnt, done));
                System.out.printf(Locale.ROOT, "BENCH comfyui %s takes=%d executed->learnt median=%.1f ms max=%.1f ms;"
                        + " executed->render returned (download + normalise 64x36) median=%.1f ms max=%.1f ms%n", mode,
                        done.size(), median(learnt), max(learnt), median(done), max(done));
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The ComfyUI provider with each render timed against the fake's executed message. */
    private record Timed(GeneratorProvider inner, FakeComfy comfy, List<Double> learnt, List<Double> done)
            implements GeneratorProvider {
        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
            Generator g = inner.open(backend, place);
            return new Generator() {
                @Override
                public String version() {
                    return g.version();
                }

                @Override
                public Capabilities capabilities() {
                    return g.capabilities();
                }

                @Override
                public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
                        throws GeneratorFault, InterruptedException {
                    String id = ComfyServer.promptId(ComfyGenerator.key(request.recipe()), 0);
                    long[] at = new long[1];
                    RenderResult r = g.render(request, (d, t) -> {
                        if (d == 1) {
                            at[0] = System.nanoTime();
                        }
                        progress.report(d, t);
                    }, cancellation);
                    long end = System.nanoTime();
                    Long executed = comfy.executedAt.get(id);
                    if (executed != null) {
                        learnt.add((at[0] - executed) / 1e6);
                        done.add((end - executed) / 1e6);
                    }
                    return r;
                }
            };
        }
    }
}
