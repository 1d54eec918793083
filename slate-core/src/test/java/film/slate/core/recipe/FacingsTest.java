package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.fixture.Mutations;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facings are written to the hundredth of a degree in [0, 360): a facing written as {@code f},
 * {@code f + 360}, {@code f - 360}, {@code f + 720} or {@code f} plus less than half a hundredth
 * gives the same recipe bytes (ANN's facing in the cast, BEN's at the end of a walk, a set piece's
 * turn), and a facing computed from a walk's direction has at most two decimals, within half a
 * hundredth of the walk's bearing.
 */
class FacingsTest {
    private static final Pattern FACING = Pattern.compile("\"(?:end_)?facing\":(-?[0-9][0-9.eE+-]*)");

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(30)).map(i -> 0xFAC1_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFacingWrittenAnyOfTheseWaysGivesTheSameRecipeBytes(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        BigDecimal ann = hundredths(r);
        BigDecimal ben = hundredths(r);
        BigDecimal piece = hundredths(r);
        List<String> once = recipes(production("once", ann.toPlainString(), ben.toPlainString(), piece.toPlainString()));
        int variant = 0;
        for (BigDecimal turn : new BigDecimal[] {BigDecimal.valueOf(360), BigDecimal.valueOf(-360), BigDecimal.valueOf(720)}) {
            List<String> turned = recipes(production("turned" + variant++, ann.add(turn).toPlainString(),
                    ben.add(turn).toPlainString(), piece.add(turn).toPlainString()));
            assertThat(turned).as("seed %x: %s, %s, %s turned by %s", seed, ann, ben, piece, turn).isEqualTo(once);
        }
        for (int i = 0; i < 3; i++) {
            String a = nudged(r, ann);
            String b = nudged(r, ben);
            String p = nudged(r, piece);
            assertThat(recipes(production("nudged" + i, a, b, p))).as("seed %x: %s, %s, %s", seed, a, b, p).isEqualTo(once);
        }
        for (String facing : facings(once)) {
            assertThat(facing).as("seed %x", seed).matches("[0-9]{1,3}(\\.[0-9]{1,2})?");
            assertThat(Double.parseDouble(facing)).isGreaterThanOrEqualTo(0).isLessThan(360);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aWalksFacingIsItsBearingToTheHundredth(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Point to = new Point(0.5 + r.nextInt(5000) / 1000.0, 0.5 + r.nextInt(5000) / 1000.0);
        Production p = read(FixtureProduction.base().replace(FixtureProduction.SHOTS, "    lines: [1, 2]\n",
                "    lines: [1, 2]\n    blocking: { BEN: { to: [" + to.x() + ", " + to.y() + "] } }\n"), "walk");
        List<String> recipes = recipes(p);
        double exact = Math.toDegrees(Math.atan2(to.x() - 4, to.y() - 3));
        exact = exact < 0 ? exact + 360 : exact;
        Matcher m = Pattern.compile("\"end_facing\":([0-9.]+)").matcher(recipes.get(0));
        assertThat(m.find()).isTrue();
        assertThat(m.find()).as("BEN's end, after ANN's").isTrue();
        String written = m.group(1);
        assertThat(written).as("seed %x: BEN walks to %s", seed, to).matches("[0-9]{1,3}(\\.[0-9]{1,2})?");
        double off = Math.abs(Double.parseDouble(written) - exact);
        assertThat(Math.min(off, 360 - off)).as("seed %x: %s against %s", seed, written, exact).isLessThanOrEqualTo(0.005 + 1e-9);
        assertThat(recipes.get(1)).as("shot B opens with BEN facing where he ended A")
                .containsPattern("\"facing\":" + Pattern.quote(written) + "[,}]");
    }

    /** A facing as a person writes it: a number of degrees with up to two decimals, in [0, 360). */
    private static BigDecimal hundredths(SplittableRandom r) {
        return BigDecimal.valueOf(r.nextInt(36000), 2).stripTrailingZeros();
    }

    /** {@code f} moved by less than half a hundredth either way, written with four to six decimals. */
    private static String nudged(SplittableRandom r, BigDecimal f) {
        int places = 4 + r.nextInt(3);
        BigDecimal most = new BigDecimal("0.0049");
        BigDecimal by = most.multiply(BigDecimal.valueOf(r.nextDouble() * 2 - 1)).setScale(places, RoundingMode.DOWN);
        BigDecimal nudged = f.add(by);
        return (nudged.signum() < 0 ? nudged.add(BigDecimal.valueOf(360)) : nudged).toPlainString();
    }

    private static List<String> facings(List<String> recipes) {
        List<String> out = new ArrayList<>();
        for (String recipe : recipes) {
            Matcher m = FACING.matcher(recipe);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Every shot's previz recipe, in edit order. */
    private static List<String> recipes(Production p) {
        var backend = p.manifest().backends().get("previz");
        RecipeCompiler compiler = new RecipeCompiler(p);
        return p.shots().stream().map(s -> compiler.compile(s, 1, Target.of(backend, "1")).canonical()).toList();
    }

    /** The fixture with ANN facing {@code ann}, BEN walking a step and ending facing {@code ben}, and a bench turned to {@code piece}. */
    private Production production(String name, String ann, String ben, String piece) throws Exception {
        return read(FixtureProduction.base()
                .replace(FixtureProduction.SHOTS, "at: [2, 3], facing: 90,", "at: [2, 3], facing: " + ann + ",")
                .replace(FixtureProduction.SHOTS, "    lines: [1, 2]\n",
                        "    lines: [1, 2]\n    blocking: { BEN: { to: [4.5, 3.5], facing: " + ben + " } }\n")
                .append(FixtureProduction.LOCATIONS, "  set: { BENCH: { at: [3, 5], size: [1, 0.4], height: 0.45, facing: "
                        + piece + " } }\n"), name);
    }

    private Production read(FixtureProduction fixture, String name) throws Exception {
        ReadProduction read = ProductionReader.read(fixture.writeTo(dir.resolve(name)));
        assertThat(read.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
        return read.production();
    }
}
