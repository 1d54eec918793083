package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Framing;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inserts placed by intent ({@code {insert: WATCH}}) over seeded scenes: the watch in the hand of
 * someone standing, or seated on a bench under their mark, or put down during the shot (on the
 * floor, or on a counter beside them), among the other pieces and the rest of the cast. The
 * solver judges a prop hidden by the routine of {@code framing/insert} ({@code
 * Sight.propHiddenBy}): every camera it places passes that rule, and a piece under the holder's
 * mark, which that rule says hides nothing of what they hold, does not make it refuse
 * ({@code -Dslate.plan.trials=N}, default 12 x 4 seeds).
 */
class InsertPlacementTest {
    private static final Pattern MARK = Pattern.compile("  (\\w+): \\{ at: \\[([\\d.]+), ([\\d.]+)\\], facing: (\\d+) \\}");

    static LongStream seeds() {
        return LongStream.range(0, 4L * PlanGuaranteesTest.TRIALS).map(i -> 0x1A5E7000L + i * 104_729L);
    }

    /** How the seed holds the watch: in hand standing, in hand seated, or put down (on a counter or the floor). */
    enum Holding {
        STANDING, SEATED, PUT_DOWN
    }

    /** Writes the seed's scene with one insert of WATCH (shot 1A); returns how the watch is held. */
    static Holding write(Path dir, long seed) throws Exception {
        SceneGenerator.Scene scene = SceneGenerator.write(dir, seed);
        SplittableRandom r = new SplittableRandom(seed);
        String text = Files.readString(dir.resolve("shots/001.yaml"));
        Matcher m = MARK.matcher(text);
        assertThat(m.find()).isTrue();
        String holder = m.group(1);
        double x = Double.parseDouble(m.group(2));
        double y = Double.parseDouble(m.group(3));
        double facing = Double.parseDouble(m.group(4));
        Holding holding = Holding.values()[r.nextInt(Holding.values().length)];
        List<String> pieces = new ArrayList<>();
        if (holding == Holding.SEATED) {
            pieces.add(piece(scene, "BENCH", x, y, 0.6 + r.nextDouble(), 0.45 + r.nextDouble() * 0.2, 0.45, r.nextInt(180)));
        }
        if (r.nextBoolean()) { // a counter before them, where a watch put down comes to rest
            double ahead = 0.35 + r.nextDouble() * 0.3;
            pieces.add(piece(scene, "COUNTER", x + Math.sin(Math.toRadians(facing)) * ahead,
                    y + Math.cos(Math.toRadians(facing)) * ahead, 0.4 + r.nextDouble() * 0.6, 0.4 + r.nextDouble() * 0.4,
                    0.8 + r.nextDouble() * 0.5, 0));
        }
        if (r.nextBoolean()) { // a pillar somewhere in the room
            pieces.add(piece(scene, "PILLAR", r.nextDouble() * scene.width(), r.nextDouble() * scene.depth(),
                    0.3 + r.nextDouble() * 0.6, 0.3 + r.nextDouble() * 0.6, 1 + r.nextDouble() * 2, r.nextInt(90)));
        }
        if (!pieces.isEmpty()) {
            Path locations = dir.resolve("bible/locations.yaml");
            Files.writeString(locations, Files.readString(locations) + "  set:\n" + String.join("", pieces));
        }
        Files.writeString(dir.resolve("bible/props.yaml"), "WATCH: { description: a brass pocket watch }\n");
        Files.writeString(dir.resolve("shots/001.yaml"), text.replaceFirst("(  " + holder + ": \\{ at: [^}]*)\\}",
                "$1, holds: [WATCH] }") + "shots:\n  - id: 1A\n    framing: INSERT\n    camera: { insert: WATCH }\n"
                + "    duration: 3\n" + (holding == Holding.PUT_DOWN ? "    events: [ { character: " + holder
                        + ", puts_down: WATCH } ]\n" : ""));
        return holding;
    }

    /** A piece centred as near {@code (x, y)} as the room lets its footprint (turned any way) lie inside. */
    private static String piece(SceneGenerator.Scene scene, String id, double x, double y, double w, double d, double h,
            int facing) {
        double reach = Math.hypot(w, d) / 2 + 0.01;
        double cx = Math.min(Math.max(x, reach), scene.width() - reach);
        double cy = Math.min(Math.max(y, reach), scene.depth() - reach);
        return String.format(Locale.ROOT, "    %s: { at: [%.2f, %.2f], size: [%.2f, %.2f], height: %.2f, facing: %d }%n",
                id, cx, cy, w, d, h, facing);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPlacedInsertShowsItsPropToTheInsertRule(long seed, @TempDir Path dir) throws Exception {
        Holding holding = write(dir, seed);
        ReadProduction read = CameraIntents.solve(ProductionReader.read(dir));
        List<Diagnostic> found = Checker.check(read);
        for (Shot shot : read.production().shots()) {
            assertThat(shot.framing()).isEqualTo(Framing.INSERT);
            assertThat(found).as("seed %x (%s): %s", seed, holding, shot.camera())
                    .filteredOn(d -> d.rule() == Rule.FRAMING_INSERT).isEmpty();
        }
        if (read.production().shots().isEmpty()) { // refused: one finding that says so
            assertThat(found).filteredOn(d -> d.rule() == Rule.CAMERA_INTENT).singleElement()
                    .satisfies(d -> assertThat(d.message()).contains("cannot be placed"));
        }
    }

    /**
     * Seated in a cramped corner, on a bench with a counter over the same mark, the holder keeps
     * the watch where the solver's own sight line, which counted every piece, ran into the counter
     * from every camera it tried, and refused; {@code framing/insert} holds that a piece under the
     * holder's mark hides nothing of what they hold, and so now does the solver: it places the insert.
     */
    @Test
    void anInsertOfAPropHeldOverThePiecesUnderItsHolderIsPlaced(@TempDir Path dir) throws Exception {
        long seed = 0x1A680696L;
        assertThat(write(dir, seed)).isEqualTo(Holding.SEATED);
        assertThat(Files.readString(dir.resolve("bible/locations.yaml"))).contains("BENCH").contains("COUNTER");
        ReadProduction read = CameraIntents.solve(ProductionReader.read(dir));
        assertThat(read.production().shots()).as("placed").singleElement();
        assertThat(Checker.check(read)).filteredOn(d -> d.rule() == Rule.FRAMING_INSERT || d.rule() == Rule.CAMERA_INTENT)
                .isEmpty();
    }

    /**
     * The solver refuses no more than the rule would: with the prop's own bench, a seated holder's
     * height and a counter it rests on measured as {@code framing/insert} measures them, nearly every
     * seeded insert is placed, whoever holds it however.
     */
    @Test
    void nearlyEveryInsertIsPlaced(@TempDir Path dir) throws Exception {
        int[] placed = new int[Holding.values().length];
        int[] all = new int[Holding.values().length];
        for (long seed : seeds().toArray()) {
            Path d = dir.resolve(Long.toHexString(seed));
            Holding holding = write(d, seed);
            all[holding.ordinal()]++;
            placed[holding.ordinal()] += CameraIntents.solve(ProductionReader.read(d)).production().shots().size();
        }
        for (Holding h : Holding.values()) {
            assertThat(placed[h.ordinal()]).as("%s inserts placed of %d", h, all[h.ordinal()])
                    .isGreaterThanOrEqualTo((int) Math.ceil(all[h.ordinal()] * 0.8));
        }
    }
}
