package film.slate.core.model;

import film.slate.core.yaml.YamlMapping;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code backends:} in slate.yaml. The type-specific settings stay as written; each
 * generator reads its own. Secrets are never here: a config names the environment variable.
 */
public record BackendConfig(String name, String type, YamlMapping settings, Positions where) {
    /** The fields every backend type has; core checks these, each backend checks the rest. */
    public static final Set<String> COMMON_FIELDS = Set.of("type", "cost_per_second", "concurrency", "timeout", "retries");

    public BackendConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(where, "where");
    }
}
