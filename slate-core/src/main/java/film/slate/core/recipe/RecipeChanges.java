package film.slate.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        diff("", tree(before), tree(after), false, out);
        return out;
    }

    /**
     * Like {@link #of}, but lists of things with an identity ({@code id} or {@code character}:
     * subjects, cast, blocking, events) are matched by it when they gained, lost or reordered
     * elements, so a cast member added to a shot is one change ({@code /cast[id=TOM]}) instead of
     * the whole list, and the others' fields show only where they changed. For people reading why.
     */
    public static List<Change> matched(Recipe before, Recipe after) {
        List<Change> out = new ArrayList<>();
        diff("", tree(before), tree(after), true, out);
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

    private static void diff(String path, JsonNode a, JsonNode b, boolean match, List<Change> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                diff(path + "/" + k.replace("~", "~0").replace("/", "~1"), a.get(k), b.get(k), match, out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            Optional<String> key = match ? identity(a, b) : Optional.empty();
            if (key.isPresent() && !ids(a, key.get()).equals(ids(b, key.get()))) {
                byIdentity(path, a, b, key.get(), out);
                return;
            }
            if (a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) {
                    diff(path + "/" + i, a.get(i), b.get(i), match, out);
                }
                return;
            }
        }
        Optional<String> x = Optional.ofNullable(a).map(CanonicalJson::text);
        Optional<String> y = Optional.ofNullable(b).map(CanonicalJson::text);
        if (!x.equals(y)) {
            out.add(new Change(path.isEmpty() ? "/" : path, x, y));
        }
    }

    /** The member every element of both lists has as a unique text, if any. */
    private static Optional<String> identity(JsonNode a, JsonNode b) {
        for (String key : List.of("id", "character")) {
            List<String> x = ids(a, key);
            List<String> y = ids(b, key);
            if (x.size() == a.size() && y.size() == b.size() && Set.copyOf(x).size() == x.size()
                    && Set.copyOf(y).size() == y.size() && a.size() + b.size() > 0) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static List<String> ids(JsonNode list, String key) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> {
            if (e.isObject() && e.path(key).isTextual()) {
                out.add(e.get(key).asText());
            }
        });
        return out;
    }

    private static void byIdentity(String path, JsonNode a, JsonNode b, String key, List<Change> out) {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        a.forEach(e -> before.put(e.get(key).asText(), e));
        Map<String, JsonNode> after = new LinkedHashMap<>();
        b.forEach(e -> after.put(e.get(key).asText(), e));
        Set<String> all = new LinkedHashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String id : all) {
            diff(path + "[" + key + "=" + id + "]", before.get(id), after.get(id), true, out);
        }
    }
}
