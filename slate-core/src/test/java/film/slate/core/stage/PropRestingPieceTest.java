package film.slate.core.stage;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.fixture.Mutations;
import film.slate.core.model.Production;
import film.slate.core.model.SetPiece;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A prop rests on the highest piece under any part of its footprint, and that piece, the one it
 * rests on, hides nothing of it ({@link Sight#propHiddenBy}), even when its centre overhangs the
 * piece's edge. Seeded sets: ANN's cup is put down at [2.45, 3] between two pieces, TOP under the
 * north edge of its footprint and a lower LOW under the south edge, neither under its centre; a
 * camera below TOP's top looks at it across TOP (seen) or across LOW (hidden by LOW, which it
 * does not rest on).
 */
class PropRestingPieceTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, Mutations.trials(40)).map(i -> 0x7097_0000L + i);
    }

    /** The seed's two pieces: how far each one's near edge is from the cup's centre, its depth, height, x and width. */
    record Pieces(double topGap, double topDepth, double topHeight, double lowGap, double lowDepth, double lowHeight,
            double topX, double lowX, double topWidth, double lowWidth) {
        static Pieces of(SplittableRandom r) {
            double top = mm(0.7 + r.nextDouble() * 0.5);
            return new Pieces(mm(0.01 + r.nextDouble() * 0.08), mm(0.3 + r.nextDouble() * 0.5), top,
                    mm(0.01 + r.nextDouble() * 0.08), mm(0.4 + r.nextDouble() * 0.4), mm(0.5 + r.nextDouble() * (top - 0.6)),
                    mm(2.45 + (r.nextDouble() - 0.5) * 0.2), mm(2.45 + (r.nextDouble() - 0.5) * 0.2),
                    mm(0.4 + r.nextDouble() * 0.6), mm(0.4 + r.nextDouble() * 0.6));
        }

        String yaml() {
            return "  set:\n    TOP: { at: [" + n(topX) + ", " + n(3 + topGap + topDepth / 2) + "], size: [" + n(topWidth) + ", "
                    + n(topDepth) + "], height: " + n(topHeight) + " }\n    LOW: { at: [" + n(lowX) + ", "
                    + n(3 - lowGap - lowDepth / 2) + "], size: [" + n(lowWidth) + ", " + n(lowDepth) + "], height: "
                    + n(lowHeight) + " }\n";
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thePieceItRestsOnHidesNothingOfItFromALowCamera(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Pieces set = Pieces.of(r);
        // North of TOP, below its top: the sight line to the cup's centre enters TOP's block.
        double cameraZ = 0.1 + r.nextDouble() * (set.topHeight() / 2 - 0.1);
        double camera = 3 + set.topGap() + set.topDepth() + 0.3 + r.nextDouble() * 0.7;
        Sight sight = sight("north", set, 2.45 + (r.nextDouble() - 0.5) * 0.2, camera, cameraZ, set.topHeight() + 0.1);
        Vec3 cup = sight.prop("CUP", 0).orElseThrow();
        assertThat(cup.z()).as("seed %x: the cup rests on TOP", seed).isEqualTo(set.topHeight() + Sight.PROP_SIZE / 2);
        SetPiece top = piece(sight, "TOP");
        assertThat(top.covers(cup.plan())).as("seed %x: TOP is not under the cup's centre", seed).isFalse();
        assertThat(Sight.blocks(sight.staging().camera(0).eye(), cup, top)).as("seed %x: the sight line enters TOP", seed)
                .isTrue();
        assertThat(sight.propHiddenBy("CUP", 0)).as("seed %x: TOP, which the cup rests on, hides nothing of it", seed).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aLowerPieceUnderItsFootprintStillHidesIt(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Pieces set = Pieces.of(r);
        double target = set.topHeight() + 0.1;
        double cameraZ = 0.05 + r.nextDouble() * 0.15;
        // Close enough south of LOW that the sight line is still below LOW's top at its far edge.
        double near = set.lowGap() + set.lowDepth();
        double share = (target - set.lowHeight()) / (target - cameraZ);
        double k = (0.3 + r.nextDouble() * 0.6) * near * (1 - share) / share;
        Sight sight = sight("south", set, 2.45 + (r.nextDouble() - 0.5) * 0.2, 3 - near - Math.min(k, 1.5), cameraZ, target);
        Vec3 cup = sight.prop("CUP", 0).orElseThrow();
        SetPiece low = piece(sight, "LOW");
        assertThat(low.covers(cup.plan())).isFalse();
        assertThat(Sight.blocks(sight.staging().camera(0).eye(), cup, low)).as("seed %x: the sight line enters LOW", seed)
                .isTrue();
        assertThat(sight.propHiddenBy("CUP", 0)).as("seed %x: the cup rests on TOP, not on LOW", seed)
                .contains(new Occluder("LOW", true));
    }

    /** Shot B of the fixture with {@code set}, after ANN puts her cup down in shot A, seen from a camera at [x, y] {@code z} high. */
    private Sight sight(String name, Pieces set, double x, double y, double z, double targetZ) throws Exception {
        Path root = FixtureProduction.base()
                .append(FixtureProduction.LOCATIONS, set.yaml())
                .replace(FixtureProduction.SHOTS, "    lines: [1, 2]\n", "    lines: [1, 2]\n"
                        + "    events: [ { character: ANN, puts_down: CUP } ]\n")
                .replace(FixtureProduction.SHOTS, "camera: { at: [2.8, 2.2], height: 1.6, lens: 65, look_at: BEN }",
                        "camera: { at: [" + n(x) + ", " + n(y) + "], height: " + n(z) + ", lens: 35, look_at: [2.45, 3, "
                                + n(targetZ) + "] }")
                .writeTo(dir.resolve(name));
        ReadProduction read = ProductionReader.read(root);
        assertThat(read.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
        Production p = read.production();
        var state = Continuity.of(p).shot("1/B").orElseThrow();
        return new Sight(new Staging(state, p.bible()), 9.0 / 16);
    }

    private static SetPiece piece(Sight sight, String id) {
        Optional<SetPiece> piece = sight.staging().state().pieces().stream().filter(s -> s.id().equals(id)).findFirst();
        return piece.orElseThrow();
    }

    /** As written in the file: to the millimetre. */
    private static double mm(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
