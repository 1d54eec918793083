package film.slate.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import film.slate.core.model.Production;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Seeds;
import film.slate.store.db.TakeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code provenance.json}: clip by clip, what made it (backend, its version, seed, prompt unless
 * the production keeps prompts private, references by hash; for a fixed version the version it was
 * made from and each fix) and who approved it when, in plain JSON
 * for people. Everything comes from the record (recipes and decisions), never the clock, so the
 * same record gives the same bytes. The same clip records are Slate's assertion in each clip's C2PA
 * manifest ({@link Credentials}).
 */
public final class Provenance {
    public static final String FILE = "provenance.json";

    private Provenance() {
    }

    /** provenance.json of {@code cut}; with {@code privatePrompts} (slate.yaml's prompts: private) no prompt appears. */
    public static String write(Production p, Cut cut, Function<String, Optional<RecipeContent>> recipes,
            boolean privatePrompts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", cut.title());
        root.put("production", p.manifest().id());
        root.put("use", p.manifest().use().word());
        root.put("rough", cut.rough());
        root.put("prompts", privatePrompts ? "private" : "public");
        List<Object> clips = new ArrayList<>();
        cut.clips().forEach(c -> clips.add(clip(c, recipes, privatePrompts)));
        root.put("clips", clips);
        try {
            return Delivery.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }

    /** One clip's record: shot, status, and for a take what made it and who approved it. */
    static Map<String, Object> clip(CutClip c, Function<String, Optional<RecipeContent>> recipes, boolean privatePrompts) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("shot", c.shot().fullId());
        o.put("status", c.status());
        if (c.take().isEmpty()) {
            return o;
        }
        TakeRecord t = c.take().get();
        o.put("take", t.take());
        o.put("version", t.version());
        o.put("recipe", t.recipe());
        c.master().ifPresent(m -> o.put("file", m));
        o.put("master", t.master().orElse(null));
        o.put("proxy", t.proxy().orElse(null));
        recipes.apply(t.recipe()).ifPresent(r -> generator(o, r, privatePrompts));
        if (c.fixed()) {
            fixes(o, c, privatePrompts);
        }
        c.approval().ifPresent(a -> {
            Map<String, Object> approval = new LinkedHashMap<>();
            approval.put("by", a.actor());
            approval.put("at", Instant.ofEpochMilli(a.at()).toString());
            o.put("approval", approval);
        });
        return o;
    }

    /** A fixed version: the version it was made from and each fix of its chain (what the generator record is the render of). */
    private static void fixes(Map<String, Object> o, CutClip c, boolean privatePrompts) {
        c.parent().ifPresent(t -> {
            Map<String, Object> parent = new LinkedHashMap<>();
            parent.put("take", t.take());
            parent.put("version", t.version());
            parent.put("recipe", t.recipe());
            parent.put("master", t.master().orElse(null));
            o.put("parent", parent);
        });
        List<Object> fixes = new ArrayList<>();
        for (FixRecipe f : c.fixes()) {
            Map<String, Object> fix = new LinkedHashMap<>();
            fix.put("id", f.id());
            fix.put("parent", f.parent());
            fix.put("frames", List.of(f.edit().first(), f.edit().last()));
            fix.put("mask", f.edit().mask());
            fix.put("backend", f.edit().backend().name());
            fix.put("type", f.edit().backend().type());
            fix.put("version", f.edit().backend().version());
            f.edit().prompt().ifPresent(text -> fix.put("prompt", privatePrompts ? "(private)" : text));
            fix.put("set", new java.util.TreeMap<>(f.edit().set()));
            fixes.add(fix);
        }
        o.put("fixes", fixes);
    }

    private static void generator(Map<String, Object> o, RecipeContent recipe, boolean privatePrompts) {
        RecipeContent.BackendRef backend = recipe.backend();
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("backend", backend.name());
        generator.put("type", backend.type());
        generator.put("version", backend.version());
        generator.put("config", backend.config());
        o.put("generator", generator);
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
        List<Object> references = new ArrayList<>();
        refs.forEach((path, hash) -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("path", path);
            ref.put("sha256", hash);
            references.add(ref);
        });
        o.put("references", references);
    }
}
