package film.slate.cli;

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
import java.nio.file.Files;
import java.nio.file.Path;

/** A previz backend on a full disk: half a file written, then FFmpeg's lines about it. */
public final class FullDiskGenerator implements Generator {
    @Override
    public String version() {
        return "full-disk-1";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(64, true);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation) throws GeneratorFault {
        Path part = request.outputDir().resolve("master.mkv.part");
        try {
            Files.write(part, new byte[1024]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw GeneratorFault.transientFault("FFmpeg could not encode the master: Error writing trailer of " + part
                + ": No space left on device\nConversion failed!", null);
    }

    /** Serves type previz. */
    public static final class Provider implements GeneratorProvider {
        @Override
        public String type() {
            return "previz";
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new FullDiskGenerator();
        }
    }
}
