package film.slate.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * slate.yaml: the production's identity, format, intended use and generators. {@code privatePrompts}
 * ({@code delivery: { prompts: private }}) keeps prompts out of delivered provenance.
 */
public record Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use,
        String backend, Map<String, BackendConfig> backends, Positions where, StoreSettings store,
        boolean privatePrompts) {
    public Manifest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(screenplay, "screenplay");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(backend, "backend");
        backends = Map.copyOf(backends);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(store, "store");
    }

    /** A manifest without {@code store:} (the embedded store) whose prompts may appear in delivered provenance. */
    public Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use, String backend,
            Map<String, BackendConfig> backends, Positions where) {
        this(title, id, format, screenplay, use, backend, backends, where, StoreSettings.embedded(where), false);
    }
}
