package film.slate.deliver;

import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.deliver.c2pa.Manifest;
import film.slate.store.db.TakeRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a delivered clip's C2PA manifest says was done to make it. A rendered take was
 * {@code c2pa.created} with the IPTC source type of its backend. A version made by {@code slate fix}
 * was {@code c2pa.opened} from its parent version, named as a {@code parentOf} ingredient by its
 * master's SHA-256, then {@code c2pa.edited} once per fix of its chain, a composite of what the
 * parent showed and what the fix's backend rendered into the region.
 */
final class ClipActions {
    static final String ACTIONS = "c2pa.actions.v2";
    /** The label of a fixed clip's one ingredient, its parent. */
    static final String PARENT = "c2pa.ingredient.v3";
    /** The backend type that renders previz: computed, by no trained model. */
    private static final String PREVIZ = "previz";

    private ClipActions() {
    }

    /** The actions assertion, and a fixed clip's parent ingredient, in the order the manifest lists them. */
    static Map<String, Object> of(CutClip c, Optional<RecipeContent> recipe, Map<String, Object> record) {
        boolean computed = recipe.map(r -> r.backend().type().equals(PREVIZ)).orElse(false);
        Map<String, Object> out = new LinkedHashMap<>();
        if (!c.fixed()) {
            Map<String, Object> created = action("c2pa.created", computed ? Credentials.COMPUTED : Credentials.GENERATED);
            if (record.get("generator") instanceof Map<?, ?> generator) {
                created.put("softwareAgent", agent(String.valueOf(generator.get("backend")),
                        String.valueOf(generator.get("type")), String.valueOf(generator.get("version"))));
            }
            out.put(ACTIONS, Map.of("actions", List.of(created)));
            return out;
        }
        Map<String, Object> parent = parent(c);
        Map<String, Object> opened = action("c2pa.opened", null);
        opened.put("parameters", Map.of("ingredients", List.of(Manifest.hashedUri(PARENT, parent))));
        boolean trained = !computed || c.fixes().stream().anyMatch(f -> !f.edit().backend().type().equals(PREVIZ));
        List<Object> actions = new ArrayList<>(List.of(opened));
        for (FixRecipe f : c.fixes()) {
            Map<String, Object> edited = action("c2pa.edited", trained ? Credentials.COMPOSITE
                    : Credentials.COMPOSITE_SYNTHETIC);
            RecipeContent.BackendRef b = f.edit().backend();
            edited.put("softwareAgent", agent(b.name(), b.type(), b.version()));
            edited.put("description", "slate fix " + f.id() + ": frames " + f.edit().first() + "-" + f.edit().last()
                    + " rendered again inside a mask");
            actions.add(edited);
        }
        out.put(ACTIONS, Map.of("actions", actions));
        out.put(PARENT, parent);
        return out;
    }

    /** The version the last fix was made on, by its master's hash (it is not delivered, so it has no manifest of ours). */
    private static Map<String, Object> parent(CutClip c) {
        FixRecipe last = c.fixes().get(c.fixes().size() - 1);
        Map<String, Object> i = new LinkedHashMap<>();
        Optional<String> master = c.parent().flatMap(TakeRecord::master);
        i.put("dc:title", c.parent().map(t -> c.name(t) + ".mkv").orElse("recipe " + last.parent()));
        i.put("dc:format", "video/x-matroska");
        i.put("relationship", "parentOf");
        master.ifPresent(m -> i.put("instanceID", "sha256:" + m));
        i.put("description", c.parent().map(t -> c.shot().fullId() + " take " + t.take() + " v" + t.version())
                .orElse(c.shot().fullId() + " (a version no longer recorded)") + ", the version fix " + last.id()
                + " was made on" + master.map(m -> "; its master's SHA-256 is " + m).orElse(""));
        return i;
    }

    private static Map<String, Object> action(String action, String source) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("action", action);
        if (source != null) {
            a.put("digitalSourceType", source);
        }
        return a;
    }

    private static Map<String, Object> agent(String name, String type, String version) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", name + " (" + type + ")");
        agent.put("version", version);
        return agent;
    }
}
