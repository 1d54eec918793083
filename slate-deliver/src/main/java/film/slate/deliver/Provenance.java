package film.slate.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.Production;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Seeds;
import film.slate.store.db.TakeRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code provenance.json}: clip by clip, what made it (backend, its version, seed, prompt unless
 * the production keeps prompts private, references by hash) and who approved it when, in plain JSON
 * for people. Everything comes from the record (recipes and decisions), never the clock, so the
 * same record gives the same bytes.
 */
public final class Provenance {
    public static final String FILE = "provenance.json";

    private Provenance() {
    }

    public static String write(Production p, Cut cut, Function<String, Optional<RecipeContent>> recipes) {
        ObjectNode root = Delivery.JSON.createObjectNode();
        root.put("title", cut.title()).put("production", p.manifest().id()).put("use", p.manifest().use().word())
                .put("rough", cut.rough()).put("prompts", p.manifest().privatePrompts() ? "private" : "public");
        var clips = root.putArray("clips");
        for (CutClip c : cut.clips()) {
            ObjectNode o = clips.addObject();
            o.put("shot", c.shot().fullId()).put("status", c.status());
            if (c.take().isEmpty()) {
                continue;
            }
            TakeRecord t = c.take().get();
            o.put("take", t.take()).put("version", t.version()).put("recipe", t.recipe());
            c.master().ifPresent(m -> o.put("file", m));
            o.put("master", t.master().orElse(null));
            o.put("proxy", t.proxy().orElse(null));
            recipes.apply(t.recipe()).ifPresent(r -> generator(o, r, p.manifest().privatePrompts()));
            c.approval().ifPresent(a -> o.putObject("approval").put("by", a.actor())
                    .put("at", Instant.ofEpochMilli(a.at()).toString()));
        }
        try {
            return Delivery.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }

    private static void generator(ObjectNode o, RecipeContent recipe, boolean privatePrompts) {
        RecipeContent.BackendRef backend = recipe.backend();
        o.putObject("generator").put("backend", backend.name()).put("type", backend.type())
                .put("version", backend.version()).put("config", backend.config());
        if (recipe.seed() < Seeds.LIMIT && recipe.seed() > -Seeds.LIMIT) {
            o.put("seed", recipe.seed());
        } else {
            o.put("seed", Long.toString(recipe.seed())); // as the recipe writes it: beyond what a JSON number holds
        }
        if (privatePrompts) {
            o.put("prompt", "(private)");
        } else {
            o.put("prompt", recipe.prompt());
            o.put("negative", recipe.negative());
        }
        Map<String, String> refs = new LinkedHashMap<>();
        recipe.refs().forEach(r -> refs.put(r.path(), r.sha256().orElse(null)));
        var references = o.putArray("references");
        refs.forEach((path, hash) -> references.addObject().put("path", path).put("sha256", hash));
    }
}
