package film.slate.engine.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.yaml.YamlJson;
import film.slate.core.yaml.YamlNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A backend's settings as a generator reads them: {@code slate check} has already verified the
 * fields and their types, so a reader here only supplies defaults and turns YAML into JSON.
 */
public final class Settings {
    private final BackendConfig backend;
    private final ObjectNode json;

    public Settings(BackendConfig backend) {
        this.backend = backend;
        this.json = (ObjectNode) json(backend.settings());
    }

    public String backendName() {
        return backend.name();
    }

    /** The settings as JSON (numbers as numbers, the rest as written). */
    public ObjectNode json() {
        return json;
    }

    public JsonNode get(String key) {
        return json.path(key);
    }

    public Optional<String> text(String key) {
        JsonNode n = json.path(key);
        return n.isValueNode() && !n.isNull() ? Optional.of(n.asText()) : Optional.empty();
    }

    public double number(String key, double fallback) {
        JsonNode n = json.path(key);
        return n.isNumber() ? n.asDouble() : fallback;
    }

    public Duration seconds(String key, double fallback) {
        return Duration.ofMillis(Math.max(1, Math.round(number(key, fallback) * 1000)));
    }

    /** A YAML node as JSON: scalars that read as numbers become numbers, booleans booleans. */
    public static JsonNode json(YamlNode node) {
        return YamlJson.of(node);
    }
}
