package film.slate.core.model;

import film.slate.core.yaml.YamlMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * slate.yaml: the production's identity, format, intended use and generators. {@code delivery} is
 * its {@code delivery:} mapping as written (empty when absent): core reads the use from it (the rights
 * rules need it); the rest (territory, date, private prompts, the studio's signing) is the delivery
 * module's, which reads it into its own settings, as each generator reads its backend's.
 */
public record Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use,
        String backend, Map<String, BackendConfig> backends, Positions where, StoreSettings store,
        YamlMapping delivery) {
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
        Objects.requireNonNull(delivery, "delivery");
    }

    /** A manifest without {@code store:} (the embedded store) nor {@code delivery:} settings beyond the use. */
    public Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use, String backend,
            Map<String, BackendConfig> backends, Positions where) {
        this(title, id, format, screenplay, use, backend, backends, where, StoreSettings.embedded(where),
                new YamlMapping(List.of(), where.self()));
    }
}
