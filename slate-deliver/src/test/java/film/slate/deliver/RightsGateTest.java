package film.slate.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.RightsClearance;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.model.Use;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Target;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rights gate over generated productions whose rights.yaml has random missing, expired,
 * out-of-use, out-of-territory, not-yet-in-force and unsigned consents and missing, unfit,
 * out-of-territory and not-yet-in-force licences, for a delivery to the US: it blocks exactly the clips that
 * show a character whose likeness is not cleared, or use a reference or model without a licence.
 * The expectation is computed from the generated choices, not by the code under test.
 * {@code -Dslate.rights.trials=N} runs more productions (default 40).
 */
class RightsGateTest {
    static final LocalDate ON = LocalDate.of(2027, 6, 1);

    /** The delivery's territory: consents and licences limited to others do not cover it. */
    static final Set<String> TERRITORY = Set.of("US");

    enum Consent { NONE, SIGNED, SIGNED_HERE, EXPIRED, OTHER_USE, UNSIGNED, ELSEWHERE, NOT_YET }

    enum Licensed { NONE, OWNED, OWNED_HERE, UNFIT, ELSEWHERE, NOT_YET }

    record Rights(Consent mara, Licensed maraRef, Licensed roomRef, boolean generated, Licensed model) {
        static Rights random(Random r) {
            return new Rights(Consent.values()[r.nextInt(Consent.values().length)],
                    Licensed.values()[r.nextInt(Licensed.values().length)], Licensed.values()[r.nextInt(Licensed.values().length)],
                    r.nextBoolean(), Licensed.values()[r.nextInt(Licensed.values().length)]);
        }

        String yaml() {
            StringBuilder y = new StringBuilder("likeness:\n");
            switch (mara) {
                case SIGNED -> y.append("  MARA: { holder: M, consent: signed, uses: [personal], expires: 2028-01-01 }\n");
                case EXPIRED -> y.append("  MARA: { holder: M, consent: signed, uses: [personal], expires: 2027-05-31 }\n");
                case OTHER_USE -> y.append("  MARA: { holder: M, consent: signed, uses: [commercial] }\n");
                case UNSIGNED -> y.append("  MARA: { holder: M, consent: pending, uses: [personal] }\n");
                case SIGNED_HERE -> y.append("  MARA: { holder: M, consent: signed, uses: [personal], territory: [us, CA],"
                        + " from: 2027-06-01 }\n");
                case ELSEWHERE -> y.append("  MARA: { holder: M, consent: signed, uses: [personal], territory: FR }\n");
                case NOT_YET -> y.append("  MARA: { holder: M, consent: signed, uses: [personal], from: 2027-06-02 }\n");
                default -> y.setLength(0);
            }
            y.append("refs:\n");
            licence(y, "bible/refs/mara.png", maraRef);
            licence(y, "bible/refs/room.png", roomRef);
            y.append("models:\n");
            licence(y, "main", model);
            return y.toString().replaceAll("(?m)^(refs|models|likeness):\\n(?![ ])", "$1: {}\n");
        }

        private static void licence(StringBuilder y, String key, Licensed l) {
            switch (l) {
                case OWNED -> y.append("  ").append(key).append(": { licence: owned }\n");
                case UNFIT -> y.append("  ").append(key).append(": { licence: studio-only-eula }\n");
                case OWNED_HERE -> y.append("  ").append(key).append(": { licence: owned, territory: [US], from: 2020-01-01 }\n");
                case ELSEWHERE -> y.append("  ").append(key).append(": { licence: owned, territory: [FR, DE] }\n");
                case NOT_YET -> y.append("  ").append(key).append(": { licence: owned, from: 2028-01-01 }\n");
                default -> { }
            }
        }

        static boolean clears(Licensed l) {
            return l == Licensed.OWNED || l == Licensed.OWNED_HERE;
        }

        /** The oracle: whether a shot that shows MARA or not, in the lamp room or not, may be delivered. */
        boolean blocks(boolean showsMara, boolean lampRoom) {
            boolean likeness = showsMara && mara != Consent.SIGNED && mara != Consent.SIGNED_HERE;
            boolean ref = showsMara && !clears(maraRef) || lampRoom && !clears(roomRef);
            boolean modelMissing = generated && !clears(model);
            return likeness || ref || modelMissing;
        }
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, Integer.getInteger("slate.rights.trials", 40)).mapToObj(i -> 1000L + i);
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("seeds")
    void theGateBlocksExactlyTheClipsWithoutRights(long seed) throws Exception {
        Random random = new Random(seed);
        Rights rights = Rights.random(random);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1 + random.nextInt(3), 1 + random.nextInt(4),
                rights.generated() ? "comfyui" : "previz", "");
        Files.writeString(dir.resolve("rights.yaml"), rights.yaml());
        Production p = ProductionReader.read(dir).production();
        assertThat(p.rights().likeness().containsKey("MARA")).isEqualTo(rights.mara() != Consent.NONE);
        RecipeCompiler compiler = new RecipeCompiler(p);
        Target target = Target.of(p.manifest().backends().get("main"), "1");
        List<String> expected = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (Shot shot : p.shots()) {
            Recipe recipe = compiler.compile(shot, 1, target);
            boolean lampRoom = p.scene(shot.scene()).orElseThrow().location().equals("LAMP_ROOM");
            if (rights.blocks(shot.subjects().contains("MARA"), lampRoom)) {
                expected.add(shot.fullId());
            }
            var gaps = RightsGate.gaps(p, recipe.content(), Use.PERSONAL, TERRITORY, ON);
            if (!gaps.isEmpty()) {
                blocked.add(shot.fullId());
            }
            if (shot.subjects().contains("MARA") && rights.mara() == Consent.ELSEWHERE) {
                assertThat(gaps).extracting(RightsClearance.Gap::message)
                        .anyMatch(m -> m.contains("MARA has reference images but has a likeness consent that covers only"
                                + " the territory FR, not US; add a signed consent covering personal use in US"));
            }
            if (shot.subjects().contains("MARA") && rights.mara() == Consent.NOT_YET) {
                assertThat(gaps).extracting(RightsClearance.Gap::message).anyMatch(m -> m.contains(
                        "is in force only from 2027-06-02, after the delivery date 2027-06-01"));
            }
            if (lampRoom && rights.roomRef() == Licensed.ELSEWHERE) {
                assertThat(gaps).extracting(RightsClearance.Gap::message).anyMatch(m -> m.contains(
                        "the reference bible/refs/room.png is licensed 'owned', which covers only the territory DE, FR,"
                                + " not US"));
            }
            assertThat(gaps).allSatisfy(g -> {
                assertThat(g.rule()).isIn(Rule.RIGHTS_LIKENESS, Rule.RIGHTS_REF_LICENCE, Rule.RIGHTS_MODEL_LICENCE);
                assertThat(g.message()).contains("rights.yaml");
                g.right().ifPresent(at -> assertThat(at.file()).isEqualTo("rights.yaml"));
            });
        }
        assertThat(blocked).as(rights.toString()).isEqualTo(expected);
    }

    /** A fixed version is blocked by its fix's backend when that model has no licence, though its render needed none. */
    @Test
    void aFixByAnUnlicensedModelBlocksTheFixedVersionOnly() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "previz", "");
        Files.writeString(dir.resolve("rights.yaml"), """
                likeness:
                  MARA: { holder: M, consent: signed, uses: [personal] }
                refs:
                  bible/refs/mara.png: { licence: owned }
                  bible/refs/room.png: { licence: owned }
                """);
        Production p = ProductionReader.read(dir).production();
        Shot shot = p.shots().get(0);
        Recipe recipe = new RecipeCompiler(p).compile(shot, 1, Target.of(p.manifest().backends().get("main"), "1"));
        TakeRecord rendered = new film.slate.store.db.TakeRecord(1, shot.fullId(), 1, 1, recipe.id(),
                "main", "rendered", Optional.of("ab".repeat(32)), Optional.empty(),
                Optional.empty(), 0, 0, 0, OptionalDouble.empty());
        FixRecipe fix = FixRecipe.of(p.manifest().id(), shot.fullId(), 1,
                recipe.id(), new film.slate.core.recipe.FixEdit(0, 3, "ef".repeat(32), 64, 36, 2, Optional.empty(),
                        Map.of(), new RecipeContent.BackendRef("inpaint", "comfyui", "1", "c")));
        TakeRecord fixed = new film.slate.store.db.TakeRecord(2, shot.fullId(), 1, 2, fix.id(), "inpaint",
                "rendered", Optional.of("cd".repeat(32)), Optional.empty(), Optional.empty(), 0, 0,
                0, OptionalDouble.empty());
        Function<String, Optional<film.slate.core.recipe.RecipeContent>> recipes =
                id -> Optional.of(recipe.content()); // a fix's id answers its root recipe, as the store does
        Cut plain = new Cut("t", p.manifest().format(), List.of(new CutClip(shot, Optional.of(rendered),
                Optional.empty(), 12, 0, List.of(), Optional.empty())), false);
        Cut withFix = new Cut("t", p.manifest().format(), List.of(new CutClip(shot, Optional.of(fixed),
                Optional.empty(), 12, 0, List.of(fix), Optional.of(rendered))), false);
        assertThat(RightsGate.check(p, plain, recipes, Use.PERSONAL, Set.of(), ON)).isEmpty();
        List<RightsGate.Block> blocks = RightsGate.check(p, withFix, recipes, Use.PERSONAL, Set.of(), ON);
        assertThat(blocks).extracting(b -> b.gap().rule()).containsExactly(Rule.RIGHTS_MODEL_LICENCE);
        assertThat(blocks.get(0).line()).startsWith(shot.fullId() + ": rights/model-licence").contains("inpaint");
    }
}
