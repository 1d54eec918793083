package film.slate.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * A YAML tree as JSON: scalars keep the type YAML gave them (integers, floats, booleans, null),
 * and numbers JSON cannot hold ({@code .inf}, {@code 0x1F}) stay as written text.
 */
public final class YamlJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlJson() {
    }

    /** The whole tree. */
    public static JsonNode of(YamlNode node) {
        return of(node, key -> true);
    }

    /** The tree without the mapping entries whose key {@code keep} refuses (at any depth). */
    public static JsonNode of(YamlNode node, Predicate<String> keep) {
        if (node instanceof YamlMapping m) {
            ObjectNode o = NODES.objectNode();
            for (YamlMapping.Entry e : m.entries()) {
                if (keep.test(e.key())) {
                    o.set(e.key(), of(e.value(), keep));
                }
            }
            return o;
        }
        if (node instanceof YamlSequence s) {
            ArrayNode a = NODES.arrayNode();
            s.items().forEach(i -> a.add(of(i, keep)));
            return a;
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.kind()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
            case INTEGER -> integer(s.text());
            case FLOAT -> number(s.text());
            case STRING -> NODES.textNode(s.text());
        };
    }

    private static JsonNode integer(String text) {
        try {
            return NODES.numberNode(Long.parseLong(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return number(text);
        }
    }

    private static JsonNode number(String text) {
        try {
            double d = Double.parseDouble(text.replace("_", ""));
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(text);
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
