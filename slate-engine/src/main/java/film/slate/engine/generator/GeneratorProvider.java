package film.slate.engine.generator;

import film.slate.core.model.BackendConfig;
import java.nio.file.Path;

/**
 * Makes generators of one backend type ({@code previz}, {@code comfyui}, {@code command},
 * {@code http-task}). Registered in {@code META-INF/services/film.slate.engine.generator.GeneratorProvider}.
 */
public interface GeneratorProvider {
    /** The {@code type:} of slate.yaml this provider serves. */
    String type();

    /**
     * Opens a generator for a configured backend.
     *
     * @throws GeneratorFault (permanent) when the configuration cannot work, with a sentence that says why
     */
    Generator open(BackendConfig backend, Path productionRoot) throws GeneratorFault;
}
