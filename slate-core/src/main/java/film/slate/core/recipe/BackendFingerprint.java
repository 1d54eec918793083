package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlJson;
import film.slate.core.yaml.YamlNode;
import java.util.regex.Pattern;

/**
 * The hash of a backend's configuration as it affects pictures. Settings that hold or name a
 * secret (keys, tokens, passwords, the environment variable that holds one) are left out, so a
 * recipe never carries a secret and rotating a key does not re-render a film.
 */
public final class BackendFingerprint {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(api[_-]?key|token|secret|passw(or)?d|credential|auth|cookie|_env$|^env$).*");

    private BackendFingerprint() {
    }

    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /** The settings as JSON, secrets removed at every depth. */
    public static ObjectNode settings(YamlMapping settings) {
        return (ObjectNode) json(settings);
    }

    /** SHA-256 of the canonical JSON of {@link #settings}. */
    public static String hash(YamlMapping settings) {
        return Sha256.hex(CanonicalJson.bytes(settings(settings)));
    }

    private static JsonNode json(YamlNode node) {
        return YamlJson.of(node, key -> !isSecret(key));
    }
}
