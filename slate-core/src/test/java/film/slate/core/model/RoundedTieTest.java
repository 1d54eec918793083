package film.slate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fixture.Mutations;
import film.slate.core.recipe.CanonicalJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A computed position near a rounding tie is written the same on every machine: a decimal tie
 * (2.345 m, 1.005 m, 0.125 m), reached a few ulps either side, as sine and cosine on another
 * platform or JIT would reach it, rounds half up to one double, the one its decimal reads as
 * ({@code Math.round(x * 100) / 100.0} gives 1.0 for the double nearest 1.005 and 1.01 an ulp
 * above it), and a recipe writes that decimal. Away from ties the quick path gives exactly the washed decimal's double. Seeded, for
 * centimetres (camera positions and aims), millimetres (resting points) and 5 cm camera heights.
 */
class RoundedTieTest {
    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(30)).map(i -> 0x71E5_0000L + i);
    }

    private record Grid(String name, int per, DoubleUnaryOperator rounded) {
    }

    private static final Grid[] GRIDS = {new Grid("centimetres", 100, Rounded::centimetres),
        new Grid("millimetres", 1000, Rounded::millimetres), new Grid("camera height", 20, Rounded::cameraHeight)};

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aTieReachedWithNoiseEitherSideIsOneDouble(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Grid g : GRIDS) {
            for (int i = 0; i < 200; i++) {
                long n = r.nextLong(-2_000, 20_000); // up to 1000 m on a 1/per grid, a few below zero
                BigDecimal step = BigDecimal.valueOf(g.per());
                BigDecimal tie = BigDecimal.valueOf(2 * n + 1).divide(step.multiply(BigDecimal.valueOf(2)));
                BigDecimal up = tie.multiply(step).setScale(0, RoundingMode.HALF_UP).divide(step);
                double expected = up.doubleValue() + 0.0;
                String written = up.signum() == 0 ? "0" : up.stripTrailingZeros().toPlainString();
                double near = tie.doubleValue();
                for (int ulps = -4; ulps <= 4; ulps++) {
                    double v = near;
                    for (int k = 0; k < Math.abs(ulps); k++) {
                        v = ulps < 0 ? Math.nextDown(v) : Math.nextUp(v);
                    }
                    double rounded = g.rounded().applyAsDouble(v);
                    assertThat(Double.doubleToRawLongBits(rounded))
                            .as("seed %x, %s: %s (%d ulps from %s)", seed, g.name(), v, ulps, tie)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                    assertThat(CanonicalJson.number(rounded)).as("as a recipe writes it").isEqualTo(written);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void awayFromTiesTheQuickPathIsTheWashedDecimal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Grid g : GRIDS) {
            BigDecimal step = BigDecimal.valueOf(g.per());
            for (int i = 0; i < 500; i++) {
                double v = switch (i % 3) {
                    case 0 -> r.nextDouble(-5, 50);
                    case 1 -> r.nextInt(-500, 5000) / 100.0 + r.nextInt(-3, 4) * 1e-12; // on a grid, with noise
                    default -> StrictMath.sin(r.nextDouble(0, 7)) * r.nextDouble(0, 12) + r.nextDouble(0, 12);
                };
                double expected = new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN).multiply(step)
                        .setScale(0, RoundingMode.HALF_UP).divide(step).doubleValue() + 0.0;
                assertThat(Double.doubleToRawLongBits(g.rounded().applyAsDouble(v))).as("seed %x, %s: %s", seed, g.name(), v)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }
}
