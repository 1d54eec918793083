package film.slate.engine.conditioning;

import film.slate.engine.generator.Capability;
import film.slate.engine.generator.GeneratorFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Previz's own passes as a family of file keys ({@link PrevizPasses}: {@code mask.<C>},
 * {@code mask_video.<C>}, {@code pose}, {@code pose_video}): drawn from the take's recipe, not
 * from a previz take's outputs, so a backend binding them does not wait for previz to render.
 */
final class PrevizPassFiles implements FileFamily {
    @Override
    public List<String> written() {
        return List.of("mask.<CHARACTER>", "mask_video.<CHARACTER>", "pose", "pose_video");
    }

    @Override
    public boolean has(String key) {
        return PrevizPasses.isFile(key);
    }

    @Override
    public boolean needsPreviz() {
        return false;
    }

    @Override
    public Capability capability() {
        return Capability.CONTROL_VIDEO;
    }

    @Override
    public Optional<Path> make(String key, Conditioning conditioning) throws GeneratorFault, IOException {
        return conditioning.passes().file(key);
    }
}
