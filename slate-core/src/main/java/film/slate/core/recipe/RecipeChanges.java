package film.slate.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Field by field, how two recipes differ: JSON pointers with the old and the new value. Core holds
 * it so that {@code slate check} (the picture lock) and the engine (status, why) name the same fields.
 */
public final class RecipeChanges {
    /** One changed field; a value is empty where the field is absent on that side. */
    public record Change(String path, Optional<String> before, Optional<String> after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecipeChanges() {
    }

    public static List<Change> of(Recipe before, Recipe after) {
        List<Change> out = new ArrayList<>();
        diff("", tree(before), tree(after), out);
        return out;
    }

    /** The recipe's JSON as a private tree, only to walk it member by member. */
    private static JsonNode tree(Recipe r) {
        try {
            return JSON.readTree(r.canonical());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recipe's canonical text is JSON", e);
        }
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                diff(path + "/" + k.replace("~", "~0").replace("/", "~1"), a.get(k), b.get(k), out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "/" + i, a.get(i), b.get(i), out);
            }
            return;
        }
        Optional<String> x = Optional.ofNullable(a).map(CanonicalJson::text);
        Optional<String> y = Optional.ofNullable(b).map(CanonicalJson::text);
        if (!x.equals(y)) {
            out.add(new Change(path.isEmpty() ? "/" : path, x, y));
        }
    }
}
