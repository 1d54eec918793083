package film.slate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.fixture.Mutations;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code continuity/out-of-reach} on both sides of the limit FORMAT.md states: a raised hand
 * reaches 1.25 times the height standing (shoulder 0.81 plus arm 0.44), the seat plus 0.78 times
 * it seated (shoulder 0.34 above the seat). Seeded heights for ANN and a cabinet 2 mm to 5 cm
 * above or below her reach, under the spot where the cup is put down or lies: she puts it down
 * standing, or seated on the floor; she picks it up from where it lies ready in front of her; she
 * picks it up where BEN, 2.3 m tall, left it (he reaches every cabinet here, so only she is flagged).
 */
class OutOfReachTest {
    @TempDir
    Path dir;

    /** How the cup comes to the cabinet, and who handles it. */
    enum Handling {
        PUTS_DOWN, SEATED_PUTS_DOWN, PICKS_UP_READY, PICKS_UP_WHAT_BEN_LEFT
    }

    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(48)).map(i -> 0x2EAC_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void flagsATopAboveTheRaisedHandAndNothingBelowIt(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Handling handling = Handling.values()[(int) (seed % Handling.values().length)];
        double height = (140 + r.nextInt(61)) / 100.0;
        double reach = handling == Handling.SEATED_PUTS_DOWN ? 0.78 * height : 1.25 * height;
        boolean above = r.nextBoolean();
        double margin = 0.002 + r.nextDouble() * 0.048;
        double top = Math.round((reach + (above ? margin : -margin)) * 1000) / 1000.0;
        FixtureProduction p = production(handling, height, top);
        List<Diagnostic> found = RuleFixturesTest.check(p, dir).stream()
                .filter(d -> d.rule() == Rule.CONTINUITY_OUT_OF_REACH).toList();
        String what = String.format(Locale.ROOT, "seed %x: %s, ANN %.2f m tall, cabinet %.3f m, reach %.3f m", seed,
                handling, height, top, reach);
        if (!above) {
            assertThat(found).as(what).isEmpty();
            return;
        }
        String event = handling.name().startsWith("PICKS_UP") ? "picks_up: CUP" : "puts_down: CUP";
        assertThat(found).as(what).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.shot()).contains("1/B");
            assertThat(d.position().file()).isEqualTo(FixtureProduction.SHOTS);
            assertThat(d.position().line()).isEqualTo(p.lineOf(FixtureProduction.SHOTS, "character: ANN, " + event.split(":")[0]));
            assertThat(d.message()).startsWith("ANN ").contains("CABINET", "1/B",
                    String.format(Locale.ROOT, "%.2f m", top)).contains(handling == Handling.SEATED_PUTS_DOWN ? "seated" : "standing");
        });
    }

    /** The fixture with ANN {@code height} tall and a cabinet {@code top} high under the cup's spot. */
    private static FixtureProduction production(Handling handling, double height, double top) {
        String h = String.format(Locale.ROOT, "%.3f", top);
        FixtureProduction p = FixtureProduction.base()
                .replace(FixtureProduction.CHARACTERS, "height: 1.7\n", "height: " + height + "\n");
        switch (handling) {
            case PUTS_DOWN, SEATED_PUTS_DOWN -> {
                // ANN at [2, 3] facing east puts the cup down at [2.45, 3]: the cabinet spans x 2.4 to 2.8.
                p.append(FixtureProduction.LOCATIONS, "  set: { CABINET: { at: [2.6, 3], size: [0.4, 0.6], height: " + h + " } }\n")
                        .append(FixtureProduction.SHOTS, "    events: [ { character: ANN, puts_down: CUP } ]\n");
                if (handling == Handling.SEATED_PUTS_DOWN) {
                    p.replace(FixtureProduction.SHOTS, "facing: 90, holds: [CUP] }", "facing: 90, holds: [CUP], posture: sit }");
                }
            }
            case PICKS_UP_READY -> p
                    .append(FixtureProduction.LOCATIONS, "  set: { CABINET: { at: [2.6, 3], size: [0.4, 0.6], height: " + h + " } }\n")
                    .replace(FixtureProduction.SHOTS, "facing: 90, holds: [CUP] }", "facing: 90 }")
                    .append(FixtureProduction.SHOTS, "    events: [ { character: ANN, picks_up: CUP } ]\n");
            case PICKS_UP_WHAT_BEN_LEFT -> p
                    // BEN at [4, 3] facing west leaves it at [3.55, 3]: the cabinet spans x 3.2 to 3.6.
                    .replace(FixtureProduction.CHARACTERS, "height: 1.8\n", "height: 2.3\n")
                    .append(FixtureProduction.LOCATIONS, "  set: { CABINET: { at: [3.4, 3], size: [0.4, 0.6], height: " + h + " } }\n")
                    .replace(FixtureProduction.SHOTS, "facing: 90, holds: [CUP] }", "facing: 90 }")
                    .replace(FixtureProduction.SHOTS, "facing: 270 }", "facing: 270, holds: [CUP] }")
                    .replace(FixtureProduction.SHOTS, "    lines: [1, 2]\n", "    lines: [1, 2]\n"
                            + "    events: [ { character: BEN, puts_down: CUP } ]\n")
                    .append(FixtureProduction.SHOTS, "    events: [ { character: ANN, picks_up: CUP } ]\n");
            default -> throw new IllegalStateException();
        }
        return p;
    }
}
