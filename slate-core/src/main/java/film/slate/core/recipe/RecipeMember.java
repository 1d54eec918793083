package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A member of a recipe's tree and its JSON pointer: typed reads that name the member in their
 * message when it is missing or of the wrong kind.
 */
record RecipeMember(JsonNode node, String path) {
    RecipeMember at(String key) {
        JsonNode child = node.get(key);
        RecipeMember out = new RecipeMember(child, path + "/" + key);
        if (child == null) {
            throw new IllegalArgumentException("recipe member " + out.path() + " is missing");
        }
        return out;
    }

    RecipeMember at(int i) {
        if (!node.isArray() || i >= node.size()) {
            throw wrong("a list of at least " + (i + 1));
        }
        return new RecipeMember(node.get(i), path + "/" + i);
    }

    boolean has(String key) {
        return node.has(key);
    }

    String text() {
        if (!node.isTextual()) {
            throw wrong("text");
        }
        return node.textValue();
    }

    String text(String key) {
        return at(key).text();
    }

    Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    double number() {
        if (!node.isNumber()) {
            throw wrong("a number");
        }
        return node.doubleValue();
    }

    double number(String key) {
        return at(key).number();
    }

    OptionalDouble optionalNumber(String key) {
        return has(key) ? OptionalDouble.of(number(key)) : OptionalDouble.empty();
    }

    int integer(String key) {
        RecipeMember n = at(key);
        double d = n.number();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw n.wrong("a whole number");
        }
        return (int) d;
    }

    boolean bool(String key) {
        RecipeMember n = at(key);
        if (!n.node.isBoolean()) {
            throw n.wrong("true or false");
        }
        return n.node.booleanValue();
    }

    Point point() {
        if (!node.isArray() || node.size() != 2) {
            throw wrong("a point [x, y]");
        }
        return new Point(at(0).number(), at(1).number());
    }

    <T> List<T> list(Function<RecipeMember, T> each) {
        if (!node.isArray()) {
            throw wrong("a list");
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(each.apply(at(i)));
        }
        return out;
    }

    <T> Map<String, T> map(Function<RecipeMember, T> each) {
        if (!node.isObject()) {
            throw wrong("an object");
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (var e : node.properties()) {
            out.put(e.getKey(), each.apply(new RecipeMember(e.getValue(), path + "/" + e.getKey())));
        }
        return out;
    }

    IllegalArgumentException wrong(String expected) {
        return new IllegalArgumentException("recipe member " + (path.isEmpty() ? "/" : path) + " is not "
                + expected);
    }
}
