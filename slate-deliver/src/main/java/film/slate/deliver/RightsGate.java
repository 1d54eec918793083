package film.slate.deliver;

import film.slate.core.check.RightsClearance;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Production;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.model.Use;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * At delivery every rights rule is an error, clip by clip: a clip is blocked when its take's recipe
 * shows a character with reference images whose consent does not cover the use in the delivery's
 * territory on its date, uses a reference file without a licence covering them, or was made by a
 * model without one (the render's, and for a fixed version each fix's).
 * The recipe (what the generator was given) is the record of what the clip shows and uses.
 */
public final class RightsGate {
    /** One missing right of one clip. */
    public record Block(String shot, RightsClearance.Gap gap) {
        /** {@code 1/1A: rights/likeness at rights.yaml:3: MARA has ... ; add ...}. */
        public String line() {
            return shot + ": " + gap.rule().id() + " at " + gap.right().orElse(gap.at()) + ": " + gap.message();
        }
    }

    private RightsGate() {
    }

    /**
     * Every block of every clip of {@code cut} delivered for {@code use} to {@code territory}
     * (ISO 3166-1 codes, empty for worldwide) on {@code on}, in edit order; {@code recipes} gives a
     * recipe by id.
     */
    public static List<Block> check(Production p, Cut cut, Function<String, Optional<RecipeContent>> recipes, Use use,
            Set<String> territory, LocalDate on) {
        List<Block> out = new ArrayList<>();
        for (CutClip c : cut.clips()) {
            if (c.take().isEmpty()) {
                continue; // a gap shows nothing
            }
            Optional<RecipeContent> recipe = recipes.apply(c.take().get().recipe());
            if (recipe.isEmpty()) {
                continue; // a take always has its recipe; the store check (slate verify) covers a lost one
            }
            List<RightsClearance.Gap> gaps = new ArrayList<>(gaps(p, recipe.get(), use, territory, on));
            for (FixRecipe f : c.fixes()) { // a fix's backend drew part of the picture: its model needs a licence too
                model(p, f.edit().backend(), use, Optional.of(territory), on).filter(g -> !gaps.contains(g))
                        .ifPresent(gaps::add);
            }
            gaps.forEach(g -> out.add(new Block(c.shot().fullId(), g)));
        }
        return out;
    }

    /**
     * Refuses a delivery that {@code blocks} stop: one sentence, then one line per missing right
     * (shot, rule, where the right is or would go, what clears it).
     */
    public static void refuse(List<Block> blocks, Use use, Set<String> territory, LocalDate on)
            throws DeliveryException {
        if (blocks.isEmpty()) {
            return;
        }
        long clips = blocks.stream().map(Block::shot).distinct().count();
        StringBuilder text = new StringBuilder(clips + (clips == 1 ? " clip" : " clips") + " may not be delivered for "
                + use.word() + " use " + (territory.isEmpty() ? "worldwide" : "in " + String.join(", ", territory)) + " on "
                + on + " (rights are errors at delivery, rough cut or not); nothing was"
                + " delivered:");
        blocks.forEach(b -> text.append('\n').append("  ").append(b.line()));
        throw new DeliveryException(DeliveryException.Kind.BLOCKED, text.toString());
    }

    /** The missing rights of one recipe. */
    public static List<RightsClearance.Gap> gaps(Production p, RecipeContent recipe, Use use, Set<String> territory,
            LocalDate on) {
        Optional<Set<String>> where = Optional.of(territory);
        List<RightsClearance.Gap> gaps = new ArrayList<>();
        for (RecipeContent.Subject member : recipe.subjects()) { // whom the picture shows; "cast" is everyone on set
            Character c = p.bible().characters().get(member.id());
            if (c != null) {
                RightsClearance.likeness(p, c, use, where, on).ifPresent(gaps::add);
            }
        }
        Set<String> paths = new LinkedHashSet<>();
        recipe.refs().forEach(r -> paths.add(r.path()));
        List<FileRef> known = RightsClearance.references(p.bible());
        for (String path : paths) {
            FileRef ref = known.stream().filter(r -> r.path().equals(path)).findFirst()
                    .orElse(new FileRef(path, p.manifest().where().self()));
            RightsClearance.reference(p, ref, use, where, on).ifPresent(gaps::add);
        }
        model(p, recipe.backend(), use, where, on).ifPresent(gaps::add);
        return gaps;
    }

    /** The missing licence of the model behind {@code backend}, if any. */
    private static Optional<RightsClearance.Gap> model(Production p, RecipeContent.BackendRef backend, Use use,
            Optional<Set<String>> where, LocalDate on) {
        BackendConfig config = p.manifest().backends().get(backend.name());
        if (config != null) {
            return RightsClearance.model(p, config, use, where, on);
        }
        if (backend.type().equals("previz")) {
            return Optional.empty();
        }
        return Optional.of(new RightsClearance.Gap(Rule.RIGHTS_MODEL_LICENCE, p.manifest().where().self(),
                Optional.empty(), "the backend " + backend.name() + " that made it is no longer in slate.yaml, so its"
                        + " model licence cannot be checked; render the shot again with a licensed backend"));
    }
}
