package film.slate.engine.build;

import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.ReferenceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How two recipes of a take differ in what conditions the picture, in a crew's words: "reference of
 * MARA changed", "reference of TOM is now blank (TOM is not in frame)". Read beside the field list
 * of {@link RecipeDiff}, which says where; this says what.
 */
public final class ConditioningChanges {
    private ConditioningChanges() {
    }

    /** One sentence per changed reference, bound keys first (in key order), then the ones the recipe names. */
    public static List<String> of(RecipeContent before, RecipeContent after) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        before.bound().forEach(b -> keys.add(b.key()));
        after.bound().forEach(b -> keys.add(b.key()));
        for (String key : keys) {
            Optional<RecipeContent.Bound> was = before.bound(key);
            Optional<RecipeContent.Bound> now = after.bound(key);
            if (was.isPresent() && now.isPresent() && !was.equals(now)) {
                out.add(bound(key, was.get(), now.get()));
            }
        }
        Map<String, RecipeContent.Ref> was = named(before);
        Map<String, RecipeContent.Ref> now = named(after);
        for (Map.Entry<String, RecipeContent.Ref> e : now.entrySet()) {
            RecipeContent.Ref old = was.get(e.getKey());
            if (old != null && e.getValue().sha256().isPresent() && !Objects.equals(old, e.getValue())) {
                out.add("reference of " + e.getKey() + " changed" + path(old, e.getValue()));
            }
        }
        return out;
    }

    private static String bound(String key, RecipeContent.Bound was, RecipeContent.Bound now) {
        String who = "reference of " + owner(key);
        if (now.blank().isPresent()) {
            return who + " is now blank (" + now.blank().get() + ")";
        }
        RecipeContent.Ref ref = now.ref().get();
        if (was.blank().isPresent()) {
            return who + " is now " + ref.path() + " (was blank: " + was.blank().get() + ")";
        }
        return who + " changed" + path(was.ref().get(), ref);
    }

    private static String path(RecipeContent.Ref was, RecipeContent.Ref now) {
        return was.path().equals(now.path()) ? " (" + now.path() + ")" : " (now " + now.path() + ", was " + was.path() + ")";
    }

    /** Whom a reference key is of: the character, "subject 2", "the location", the prop. */
    static String owner(String key) {
        Optional<ReferenceKey> k = ReferenceKey.parse(key);
        if (k.isPresent() && k.get() instanceof ReferenceKey.OfCharacter c) {
            return c.character();
        }
        if (k.isPresent() && k.get() instanceof ReferenceKey.OfSubject s) {
            return "subject " + s.n();
        }
        if (k.isPresent() && k.get() instanceof ReferenceKey.OfProp p) {
            return p.prop();
        }
        return k.isPresent() ? "the location" : key;
    }

    /** The first reference of each subject, held prop and the location, by whom, where the recipe hashes them. */
    private static Map<String, RecipeContent.Ref> named(RecipeContent c) {
        Map<String, RecipeContent.Ref> out = new LinkedHashMap<>();
        for (RecipeContent.Subject s : c.subjects()) {
            s.bible().flatMap(b -> b.refs().stream().findFirst()).ifPresent(r -> out.put(s.id(), r));
            for (RecipeContent.Held h : s.holds()) {
                h.bible().flatMap(b -> b.refs().stream().findFirst()).ifPresent(r -> out.put(h.id(), r));
            }
        }
        c.location().bible().flatMap(b -> b.refs().stream().findFirst())
                .ifPresent(r -> out.put("location " + c.location().id(), r));
        return out;
    }
}
