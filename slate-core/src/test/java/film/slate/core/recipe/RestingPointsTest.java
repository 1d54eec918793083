package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.continuity.Continuity;
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
 * Where a prop put down rests is written to the millimetre: every number of a recipe's {@code set}
 * and {@code set_end} has at most three decimals, lies within half a millimetre of the exact spot,
 * and is the same bytes however the arithmetic got there (a facing of 37.3 degrees or of 397.3,
 * which the reader turns into 37.30000000000001). Seeded marks with up to six decimals, facings with
 * up to three, and marks on half-millimetre ties seen square on, where rounding the arithmetic's
 * last bit would tip either way.
 */
class RestingPointsTest {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.eE+-]*");

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(60)).map(i -> 0x5E7D_0000L + i);
    }

    /** Fewer for whole productions, which are read and compiled twice each. */
    static LongStream productions() {
        return seeds().limit(Mutations.trials(20));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSpotIsWholeMillimetresWhicheverWayItIsComputed(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            Point at = i % 5 == 0 ? tie(r) : new Point(decimal(r, 0.3, 9, 6).doubleValue(), decimal(r, 0.3, 9, 6).doubleValue());
            double facing = i % 5 == 0 ? 90 * r.nextInt(4) : decimal(r, 0, 360, 3).doubleValue();
            Point spot = Continuity.setDown(at, facing);
            for (double same : new double[] {facing + 360, facing - 360, facing + 720}) {
                Point again = Continuity.setDown(at, same);
                assertThat(text(again)).as("seed %x: %s facing %s and %s", seed, at, facing, same).isEqualTo(text(spot));
            }
            for (double v : new double[] {spot.x(), spot.y()}) {
                assertThat(new BigDecimal(CanonicalJson.number(v)).scale()).as("seed %x: %s", seed, v).isLessThanOrEqualTo(3);
            }
            Point exact = at.plus(Point.ofBearing(facing).times(Continuity.REACH));
            assertThat(Math.max(Math.abs(spot.x() - exact.x()), Math.abs(spot.y() - exact.y())))
                    .as("seed %x: within half a millimetre", seed).isLessThanOrEqualTo(0.0005 + 1e-9);
        }
    }

    /** Through the compiler: the recipes' {@code set_end} and {@code set} bytes, for a facing written as {@code f} and as {@code f + 360}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("productions")
    void aRecipeWritesTheRestingPointInMillimetres(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        BigDecimal x = decimal(r, 1, 5, 6);
        BigDecimal y = decimal(r, 1, 5, 6);
        BigDecimal facing = decimal(r, 0, 360, r.nextInt(4));
        String once = setEnd(production("once", x, y, facing.toPlainString()));
        String turned = setEnd(production("turned", x, y, facing.add(BigDecimal.valueOf(360)).toPlainString()));
        assertThat(turned).as("seed %x: facing %s written two ways", seed, facing).isEqualTo(once);
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(once);
        while (m.find()) {
            numbers.add(m.group());
        }
        assertThat(numbers).as("seed %x: %s", seed, once).hasSize(2)
                .allSatisfy(n -> assertThat(n).matches("-?[0-9]+(\\.[0-9]{1,3})?"));
        Point exact = new Point(x.doubleValue(), y.doubleValue())
                .plus(Point.ofBearing(facing.doubleValue()).times(Continuity.REACH));
        assertThat(Double.parseDouble(numbers.get(0))).isCloseTo(exact.x(), within(0.0005 + 1e-9));
        assertThat(Double.parseDouble(numbers.get(1))).isCloseTo(exact.y(), within(0.0005 + 1e-9));
    }

    /** A mark half a millimetre off the grid: seen square on, its spot is a tie that the last bit would decide. */
    private static Point tie(SplittableRandom r) {
        return new Point((r.nextInt(9000) + 500) / 1000.0 + 0.0005, (r.nextInt(9000) + 500) / 1000.0 + 0.0005);
    }

    /** A decimal between {@code lo} and {@code hi} with {@code places} decimals, as a person might write it. */
    private static BigDecimal decimal(SplittableRandom r, double lo, double hi, int places) {
        return BigDecimal.valueOf(lo + r.nextDouble() * (hi - lo)).setScale(places, RoundingMode.HALF_EVEN);
    }

    private static String text(Point p) {
        return CanonicalJson.number(p.x()) + "," + CanonicalJson.number(p.y());
    }

    /** Shot A's {@code set_end} members, the same bytes as shot B's {@code set}: where the cup rests from A on. */
    private static String setEnd(Production p) {
        var backend = p.manifest().backends().get("previz");
        RecipeCompiler compiler = new RecipeCompiler(p);
        String a = compiler.compile(p.shots().get(0), 1, Target.of(backend, "1")).canonical();
        String b = compiler.compile(p.shots().get(1), 1, Target.of(backend, "1")).canonical();
        String end = member(a, "set_end");
        assertThat(end).startsWith("\"CUP\":");
        assertThat(member(b, "set")).as("shot B opens with the cup where A left it").isEqualTo(end);
        return end;
    }

    private static String member(String canonical, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\{([^}]*)}").matcher(canonical);
        assertThat(m.find()).as(canonical).isTrue();
        return m.group(1);
    }

    /** The fixture's ANN at {@code [x, y]} facing {@code facing}, putting her cup down in its first shot. */
    private Production production(String name, BigDecimal x, BigDecimal y, String facing) throws Exception {
        Path root = FixtureProduction.base()
                .replace(FixtureProduction.SHOTS, "at: [2, 3], facing: 90,", "at: [" + x.toPlainString() + ", "
                        + y.toPlainString() + "], facing: " + facing + ",")
                .replace(FixtureProduction.SHOTS, "    lines: [1, 2]\n", "    lines: [1, 2]\n"
                        + "    events: [ { character: ANN, puts_down: CUP } ]\n")
                .writeTo(dir.resolve(name));
        ReadProduction read = ProductionReader.read(root);
        assertThat(read.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
        return read.production();
    }
}
