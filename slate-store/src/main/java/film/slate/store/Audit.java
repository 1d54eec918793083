package film.slate.store;

import film.slate.store.ObjectStore.Health;
import film.slate.store.db.DamagedRecipeException;
import film.slate.store.db.Event;
import film.slate.core.recipe.Recipe;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code slate verify} finds, like {@code git fsck}: the database's integrity check, every
 * object re-hashed, and every take version's master, proxy, depth (and frames) present and
 * matching their names.
 */
public final class Audit {
    /** Where {@link #repair} puts damaged objects: out of the store, but not thrown away. */
    public static final String DAMAGED = "damaged";

    /** The kinds of problem, each one line. */
    public enum Kind { DATABASE, DAMAGED_OBJECT, TAKE_OBJECT, UNRECORDED_TAKE, DAMAGED_RECIPE }

    /** One problem: what (subject) and what is wrong with it. */
    public record Problem(Kind kind, String subject, String message) {
        public String line() {
            return subject + ": " + message;
        }
    }

    /** The findings: how much was checked, the problems, and the take versions whose objects are bad. */
    public record Findings(int objects, int takes, List<Problem> problems, List<TakeRecord> badTakes,
            List<String> damagedObjects, List<TakeReceipt> unrecorded, List<String> damagedRecipes) {
        public Findings {
            problems = List.copyOf(problems);
            badTakes = List.copyOf(badTakes);
            damagedObjects = List.copyOf(damagedObjects);
            unrecorded = List.copyOf(unrecorded);
            damagedRecipes = List.copyOf(damagedRecipes);
        }

        /** Nothing checked, nothing found: a production without a store. */
        public static Findings none() {
            return new Findings(0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    /** What {@link #repair} did. */
    public record Repair(List<TakeRecord> markedMissing, List<String> movedAside, List<TakeReceipt> adopted,
            List<String> restoredRecipes) {
        public Repair {
            markedMissing = List.copyOf(markedMissing);
            movedAside = List.copyOf(movedAside);
            adopted = List.copyOf(adopted);
            restoredRecipes = List.copyOf(restoredRecipes);
        }
    }

    private Audit() {
    }

    /** Checks the store; reading failures (an unreadable database or folder) are thrown. */
    public static Findings run(Store store) throws IOException {
        List<Problem> problems = new ArrayList<>();
        String integrity = store.database().integrityCheck();
        if (!integrity.equals("ok")) {
            problems.add(new Problem(Kind.DATABASE, store.root().resolve("slate.db").toString(),
                    "the integrity check says: " + integrity.lines().findFirst().orElse(integrity)));
        }
        List<String> damagedRecipes = new ArrayList<>();
        for (DamagedRecipeException d : store.recipes().damaged()) {
            damagedRecipes.add(d.recipe());
            problems.add(new Problem(Kind.DAMAGED_RECIPE, "recipe " + d.recipe(), "the text of take " + d.shot() + "#"
                    + d.take() + "'s recipe is damaged in the database (it does not hash to its id); 'slate verify"
                    + " --repair' restores it from its object when that is sound, else 'slate build' stores it again"));
        }
        Map<String, Health> health = new HashMap<>();
        List<String> damaged = new ArrayList<>();
        for (String hash : store.objects().all()) {
            Health h = store.objects().check(hash);
            health.put(hash, h);
            if (h == Health.DAMAGED) {
                damaged.add(hash);
                problems.add(new Problem(Kind.DAMAGED_OBJECT, "object " + hash, "damaged (its bytes do not match its name)"));
            }
        }
        List<TakeRecord> bad = new ArrayList<>();
        List<TakeRecord> takes = store.takes().ofAll();
        for (TakeRecord t : takes) {
            if (!t.rendered()) {
                continue; // marked missing already: the next build renders it again
            }
            List<Problem> found = takeProblems(store, t, health);
            if (!found.isEmpty()) {
                bad.add(t);
                problems.addAll(found);
            }
        }
        List<TakeReceipt> unrecorded = unrecorded(store, takes, problems);
        return new Findings(health.size(), takes.size(), problems, bad, damaged, unrecorded, damagedRecipes);
    }

    /** Takes whose receipt is stored but that are not on the record (the database lost them): each one problem. */
    private static List<TakeReceipt> unrecorded(Store store, List<TakeRecord> takes, List<Problem> problems)
            throws IOException {
        Set<String> onRecord = new HashSet<>();
        takes.forEach(t -> onRecord.add(t.recipe() + "/" + t.master().orElse("")));
        Map<String, TakeReceipt> out = new LinkedHashMap<>();
        for (TakeReceipt.Found f : TakeReceipt.scan(store.objects())) {
            TakeReceipt r = f.receipt();
            if (!onRecord.contains(r.recipe() + "/" + r.master()) && out.putIfAbsent(r.recipe() + "/" + r.master(), r) == null) {
                problems.add(new Problem(Kind.UNRECORDED_TAKE, "take " + r.label(), "rendered from recipe "
                        + r.recipe().substring(0, 12) + " (receipt " + f.object() + ") but not on the record; 'slate"
                        + " verify --repair' adopts it"));
            }
        }
        return List.copyOf(out.values());
    }

    private static List<Problem> takeProblems(Store store, TakeRecord t, Map<String, Health> health) throws IOException {
        Map<String, String> named = new LinkedHashMap<>();
        t.master().ifPresent(h -> named.put(h, "master"));
        t.proxy().ifPresent(h -> named.put(h, "proxy"));
        t.depth().ifPresent(h -> named.put(h, "depth"));
        if (t.master().isPresent() && health.get(t.master().get()) == Health.SOUND) {
            Optional<List<String>> frames = FramesIndex.frames(store.objects(), t.master().get());
            frames.ifPresent(f -> f.forEach(h -> named.putIfAbsent(h, "frame")));
        }
        String subject = "take " + t.label() + " v" + t.version();
        List<Problem> out = new ArrayList<>();
        if (t.master().isEmpty()) {
            out.add(new Problem(Kind.TAKE_OBJECT, subject, "has no master"));
        }
        for (var e : named.entrySet()) {
            Health h = health.getOrDefault(e.getKey(), Health.ABSENT);
            if (h != Health.SOUND) {
                out.add(new Problem(Kind.TAKE_OBJECT, subject, e.getValue() + " " + e.getKey() + " is "
                        + (h == Health.ABSENT ? "missing" : "damaged")));
            }
        }
        return out;
    }

    /**
     * Marks every take version whose objects are bad {@link TakeRecord#MISSING} (with an event, and
     * its render failed so that the next build queues it again), and moves damaged objects to
     * {@code .slate/damaged/}. A sound object is never touched.
     */
    public static Repair repair(Store store, Findings findings, String actor) throws IOException {
        store.database().transaction(c -> {
            for (TakeRecord t : findings.badTakes()) {
                store.takes().markMissing(c, t.id());
                store.renders().lost(c, t.recipe(), "its output was found damaged or missing by slate verify");
                store.events().append(c, Event.of(actor, "marked-missing", "take " + t.label() + " v" + t.version(),
                        t.shot(), "{\"recipe\":\"" + t.recipe() + "\"}", "slate verify --repair: its objects are bad"));
            }
            return null;
        });
        List<String> moved = new ArrayList<>();
        for (String hash : findings.damagedObjects()) {
            if (store.objects().check(hash) != Health.DAMAGED) {
                continue; // replaced by a sound copy meanwhile
            }
            var aside = Files.createDirectories(store.root().resolve(DAMAGED)).resolve(hash);
            Files.move(store.objects().path(hash), aside, StandardCopyOption.REPLACE_EXISTING);
            moved.add(hash);
        }
        List<String> restored = restore(store, findings.damagedRecipes(), actor);
        return new Repair(findings.badTakes(), moved, adopt(store, findings.unrecorded(), actor), restored);
    }

    /**
     * Puts back the text of each damaged recipe row from the recipe's object (every rendered take's recipe is
     * kept as one, named by its hash), when that object is sound; returns the recipes restored.
     */
    private static List<String> restore(Store store, List<String> damaged, String actor) throws IOException {
        List<String> restored = new ArrayList<>();
        for (String id : damaged) {
            if (store.objects().check(id) != Health.SOUND) {
                continue; // no sound copy: the next build of its take stores it again
            }
            Recipe recipe;
            try {
                recipe = Recipe.parse(new String(store.objects().read(id), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException unread) {
                continue; // its object is whole but not a recipe this Slate reads: left as found
            }
            store.database().transaction(c -> {
                store.recipes().restore(c, recipe);
                store.events().append(c, Event.of(actor, "restored", "recipe " + id, recipe.shot(),
                        "{\"recipe\":\"" + id + "\"}", "slate verify --repair: its text in the database was damaged"));
                return null;
            });
            restored.add(id);
        }
        return restored;
    }

    /**
     * Records the takes that receipts show and the database lost, when their objects are sound and
     * their recipe is known (in the database or stored as an object), each with a {@code re-adopted} event.
     */
    private static List<TakeReceipt> adopt(Store store, List<TakeReceipt> receipts, String actor) throws IOException {
        List<TakeReceipt> adopted = new ArrayList<>();
        for (TakeReceipt r : receipts) {
            boolean sound = true;
            for (String hash : r.objects()) {
                sound &= store.objects().check(hash) == Health.SOUND;
            }
            Optional<Recipe> recipe;
            try {
                recipe = store.recipes().get(r.recipe());
            } catch (DamagedRecipeException damaged) {
                recipe = Optional.empty(); // its object's text, put below, replaces the damaged one
            }
            if (recipe.isEmpty() && store.objects().check(r.recipe()) == Health.SOUND) {
                String text = new String(store.objects().read(r.recipe()), StandardCharsets.UTF_8);
                if (film.slate.core.recipe.FixRecipe.isFix(text)) {
                    continue; // a fix whose record was lost: its chain is not on record either; slate fix makes it again
                }
                recipe = Optional.of(Recipe.parse(text));
            }
            if (!sound || recipe.isEmpty()) {
                continue; // nothing sound to adopt: the next build renders the take
            }
            Recipe known = recipe.get();
            store.database().transaction(c -> {
                store.recipes().put(c, List.of(known));
                TakeRecord t = store.takes().append(c, r.shot(), r.take(), r.recipe(), r.backend(), new Takes.Output(
                        r.master(), r.proxy(), r.depth()), r.startedAt(), r.finishedAt(), r.cost());
                store.events().append(c, Event.of(actor, "re-adopted", "take " + t.label() + " v" + t.version(), r.shot(),
                        "{\"recipe\":\"" + r.recipe() + "\",\"master\":\"" + r.master() + "\"}",
                        "slate verify --repair: its receipt shows a take the database had lost"));
                return null;
            });
            adopted.add(r);
        }
        return adopted;
    }
}
