package film.slate.core.recipe;

import film.slate.core.model.BackendConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recipe is compiled for: a backend of slate.yaml, the version of the generator that will
 * run it (generators report their own), and, for a generator that conditions on another one's
 * output (ComfyUI on previz depth), that other target.
 */
public record Target(BackendConfig backend, String version, Optional<Target> conditionsOn) {
    public Target {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(conditionsOn, "conditionsOn");
    }

    /** The conditioning keys the backend's settings name ({@link ReferenceKey#boundBy}). */
    public java.util.Set<String> binds() {
        return ReferenceKey.boundBy(backend);
    }

    public static Target of(BackendConfig backend, String version) {
        return new Target(backend, version, Optional.empty());
    }
}
