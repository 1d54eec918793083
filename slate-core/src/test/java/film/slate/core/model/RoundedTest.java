package film.slate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fixture.Mutations;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A facing is one double however it was reached: {@code f}, {@code f + 360}, {@code f - 360} and
 * {@code f + 720} (computed in doubles, so their last bits differ) give the same bits, the one
 * that a decimal with at most two places reads as, in [0, 360), within half a hundredth of {@code
 * f}. Seeded values already on the grid (which skip the decimal arithmetic), with more places, and
 * any double.
 */
class RoundedTest {
    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(40)).map(i -> 0x80D0_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFacingIsOneDoubleWhicheverTurnItWasWrittenIn(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            double f = switch (i % 3) {
                case 0 -> r.nextInt(36000) / 100.0;
                case 1 -> BigDecimal.valueOf(r.nextLong(360_000_000L), 6).doubleValue();
                default -> r.nextDouble() * 360;
            };
            double once = Rounded.facing(f);
            for (double same : new double[] {f + 360, f - 360, f + 720}) {
                assertThat(Double.doubleToRawLongBits(Rounded.facing(same))).as("seed %x: %s and %s", seed, f, same)
                        .isEqualTo(Double.doubleToRawLongBits(once));
            }
            BigDecimal written = new BigDecimal(Double.toString(once));
            assertThat(written.scale()).as("seed %x: %s", seed, once).isLessThanOrEqualTo(2);
            assertThat(once).isGreaterThanOrEqualTo(0).isLessThan(360);
            assertThat(Double.parseDouble(written.toPlainString())).isEqualTo(once);
            double off = Math.abs(once - f);
            assertThat(Math.min(off, 360 - off)).as("seed %x: %s from %s", seed, once, f).isLessThanOrEqualTo(0.005 + 1e-9);
        }
    }

    @Test
    void negativeZeroAndWholeTurnsAreNorthWithAPlusSign() {
        for (double north : new double[] {-0.0, 359.996, -0.004, -1080, -360, 360, 720, 3240}) {
            assertThat(Double.doubleToRawLongBits(Rounded.facing(north))).as("%s", north).isZero();
        }
    }
}
