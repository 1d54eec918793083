package film.slate.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A derived recipe: a parent recipe's id (a take's render recipe, or another fix: fixes chain) plus
 * an edit. Its canonical JSON (RFC 8785) is the hash input, and its id names the take version the
 * fix makes; the parent's version stays. The JSON is {@code {"kind":"slate/fix","schema":1,
 * "production","shot","take","parent","frames":[A,B],"mask":{"sha256","width","height"},
 * "feather","prompt"?,"set":{FIELD:VALUE},"backend":{"name","type","version","config"}}}.
 */
public record FixRecipe(String id, String canonical, String production, String shot, int take, String parent,
        FixEdit edit) {
    public static final String KIND = "slate/fix";
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public FixRecipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(edit, "edit");
    }

    /** The fix of {@code parent}'s take by {@code edit}: canonicalised and hashed. */
    public static FixRecipe of(String production, String shot, int take, String parent, FixEdit edit) {
        String canonical = CanonicalJson.text(tree(production, shot, take, parent, edit));
        return new FixRecipe(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), canonical, production, shot, take,
                parent, edit);
    }

    /** The same edit on another parent (a rebuilt take). */
    public FixRecipe onParent(String newParent) {
        return of(production, shot, take, newParent, edit);
    }

    /** {@code 1/1A#2}, as recipes name takes. */
    public String label() {
        return shot + "#" + take;
    }

    private static ObjectNode tree(String production, String shot, int take, String parent, FixEdit e) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("kind", KIND);
        r.put("schema", SCHEMA);
        r.put("production", production);
        r.put("shot", shot);
        r.put("take", take);
        r.put("parent", parent);
        r.putArray("frames").add(e.first()).add(e.last());
        r.putObject("mask").put("sha256", e.mask()).put("width", e.width()).put("height", e.height());
        r.put("feather", e.feather());
        e.prompt().ifPresent(p -> r.put("prompt", p));
        ObjectNode set = r.putObject("set");
        e.set().forEach(set::put);
        RecipeContent.BackendRef b = e.backend();
        r.putObject("backend").put("name", b.name()).put("type", b.type()).put("version", b.version())
                .put("config", b.config());
        return r;
    }

    /** Whether a stored recipe text is a fix's (rather than a render recipe's). */
    public static boolean isFix(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && KIND.equals(node.path("kind").asText(null));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * A fix read back from its JSON; refused (with a sentence) when it is not one or says anything
     * this Slate does not write.
     */
    public static FixRecipe parse(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (n == null || !KIND.equals(n.path("kind").asText(null))) {
            throw new IllegalArgumentException("not a fix recipe (no \"kind\":\"" + KIND + "\")");
        }
        Map<String, String> set = new TreeMap<>();
        for (Map.Entry<String, JsonNode> f : n.path("set").properties()) {
            set.put(f.getKey(), f.getValue().asText());
        }
        JsonNode m = n.path("mask");
        JsonNode b = n.path("backend");
        FixEdit edit = new FixEdit(n.path("frames").path(0).asInt(), n.path("frames").path(1).asInt(),
                m.path("sha256").asText(), m.path("width").asInt(), m.path("height").asInt(), n.path("feather").asInt(),
                n.has("prompt") ? Optional.of(n.path("prompt").asText()) : Optional.empty(), set,
                new RecipeContent.BackendRef(b.path("name").asText(), b.path("type").asText(), b.path("version").asText(),
                        b.path("config").asText()));
        FixRecipe f = of(n.path("production").asText(), n.path("shot").asText(), n.path("take").asInt(),
                n.path("parent").asText(), edit);
        if (!f.canonical().equals(CanonicalJson.text(n))) {
            throw new IllegalArgumentException("the fix recipe has members or values this Slate does not know (schema "
                    + n.path("schema").asText("?") + "; this Slate writes schema " + SCHEMA + ")");
        }
        return f;
    }
}
