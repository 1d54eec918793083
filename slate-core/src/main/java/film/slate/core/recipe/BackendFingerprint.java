package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hash of a backend's configuration as it affects pictures. Settings that hold or name a
 * secret (keys, tokens, passwords, the environment variable that holds one) are left out, so a
 * recipe never carries a secret and rotating a key does not re-render a film.
 */
public final class BackendFingerprint {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(api[_-]?key|token|secret|passw(or)?d|credential|auth|cookie|_env$|^env$).*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        if (node instanceof YamlMapping m) {
            ObjectNode o = NODES.objectNode();
            for (YamlMapping.Entry e : m.entries()) {
                if (!isSecret(e.key())) {
                    o.set(e.key(), json(e.value()));
                }
            }
            return o;
        }
        if (node instanceof YamlSequence s) {
            ArrayNode a = NODES.arrayNode();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.kind()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(s.text().toLowerCase(Locale.ROOT).startsWith("t"));
            case INTEGER, FLOAT -> number(s.text());
            case STRING -> NODES.textNode(s.text());
        };
    }

    private static JsonNode number(String text) {
        try {
            double d = Double.parseDouble(text.replace("_", ""));
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(text);
        } catch (NumberFormatException e) {
            return NODES.textNode(text); // 0x1F, .inf and friends: kept as written
        }
    }
}
