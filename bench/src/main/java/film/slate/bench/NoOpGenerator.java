package film.slate.bench;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backend that does no work: it writes a one-line master (the recipe id, so every take is its
 * own object) and returns. What a build costs on top of its generator is what remains.
 */
public final class NoOpGenerator implements Generator {
    public static final String TYPE = "noop";

    @Override
    public String version() {
        return "noop-1";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(1024, true);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault {
        Path master = request.outputDir().resolve("master.txt");
        try {
            Files.writeString(master, request.recipe().id() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot write " + master, e);
        }
        return RenderResult.Video.of(master);
    }

    /** Serves backend type {@code noop}, or the type in {@code slate.noop.type} (e.g. {@code previz}). */
    public static final class Provider implements GeneratorProvider {
        @Override
        public String type() {
            return System.getProperty("slate.noop.type", TYPE);
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new NoOpGenerator();
        }
    }
}
