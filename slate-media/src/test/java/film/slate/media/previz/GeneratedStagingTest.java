package film.slate.media.previz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.stage.Sight;
import film.slate.media.TestFilm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 §5 on seeded productions: Tom sits on a bench at its height, Mara walks and puts the
 * lantern down (on a table or the floor, wherever her reach lands), the story continues on the
 * gallery (no lantern there) and back in the lamp room (the lantern where she left it). Every
 * shot's previz drawn from its recipe alone is the production's previz, pixel for pixel, so set
 * pieces, seats and props on pieces survive the recipe; and a resting lantern stands on the highest
 * piece under any part of its footprint (found here by sampling the footprint, not by the code's
 * separating axes).
 */
class GeneratedStagingTest {
    private static final int W = 160;
    private static final int H = 90;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 8L * Integer.getInteger("slate.trials", 1)).map(i -> 0x57A6E000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void propsSeatsAndPiecesHoldFromProductionToRecipeAndAcrossScenes(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Production p = write(r, dir.resolve("film"));
        Continuity continuity = Continuity.of(p);
        SetPiece bench = p.bible().locations().get("LAMP_ROOM").piece("BENCH").orElseThrow();
        assertThat(continuity.shot("1/A").orElseThrow().start().get("TOM").seat()).isEqualTo(bench.height());
        Point left = continuity.shot("1/B").orElseThrow().setEnd().get("LANTERN");
        assertThat(left).as("seed %x", seed).isNotNull();
        assertThat(continuity.shot("2/A").orElseThrow().setStart()).as("the gallery has no lantern").isEmpty();
        assertThat(continuity.shot("3/A").orElseThrow().setStart()).containsEntry("LANTERN", left);

        Previz previz = Previz.of(p);
        for (Shot shot : p.shots()) {
            PrevizShot expected = previz.shot(shot.fullId(), 1).orElseThrow();
            PrevizShot fromRecipe = RecipePrevizTest.fromStoredRecipe(p, shot, 1);
            for (int i : new int[] {0, expected.frames() / 2, expected.frames() - 1}) {
                assertThat(DeterminismTest.bytes(fromRecipe.picture(i))).as("seed %x %s frame %d", seed, shot.fullId(), i)
                        .isEqualTo(DeterminismTest.bytes(expected.picture(i)));
            }
            ShotState state = continuity.shot(shot.fullId()).orElseThrow();
            Point rest = state.setEnd().get("LANTERN");
            if (rest != null && !state.end().get("MARA").holds().contains("LANTERN")) {
                double z = new Sight(expected.staging(), H / (double) W).prop("LANTERN", 1).orElseThrow().z();
                assertThat(z).as("seed %x %s: the lantern on what is under it", seed, shot.fullId())
                        .isCloseTo(sampledTop(state.pieces(), rest) + Sight.PROP_SIZE / 2, within(1e-9));
            }
        }
    }

    /** The highest piece under any of a grid of points over the prop's square footprint (0 when none). */
    private static double sampledTop(List<SetPiece> pieces, Point centre) {
        double half = Sight.PROP_SIZE / 2;
        double top = 0;
        for (int i = 0; i <= 40; i++) {
            for (int j = 0; j <= 40; j++) {
                Point p = centre.plus(new Point(-half + 2 * half * i / 40, -half + 2 * half * j / 40));
                top = Math.max(top, SetPiece.surface(pieces, p));
            }
        }
        return top;
    }

    private static Production write(SplittableRandom r, Path folder) {
        Point table = new Point(1.5 + r.nextDouble() * 3, 3.2 + r.nextDouble() * 1.2);
        String lampRoom = String.format(Locale.ROOT, """
                  set:
                    TABLE: { at: [%.2f, %.2f], size: [%.2f, %.2f], height: %.2f, facing: %d }
                    BENCH: { at: [%.2f, 1.5], size: [1.4, 0.45], height: %.2f }
                """, table.x(), table.y(), 0.6 + r.nextDouble() * 0.8, 0.5 + r.nextDouble() * 0.5, 0.6 + r.nextDouble() * 0.5,
                r.nextInt(90), 1.5 + r.nextDouble() * 3, 0.4 + r.nextDouble() * 0.2);
        // Mara ends her walk facing the table from a little south of it: her reach may land on it or short of it.
        Point mark = table.plus(new Point((r.nextDouble() - 0.5) * 0.6, -0.75 - r.nextDouble() * 0.5));
        String shots1 = String.format(Locale.ROOT, """
                scene: 1
                location: LAMP_ROOM
                time: NIGHT
                cast:
                  MARA: { wardrobe: oilskin, at: [1, 3], facing: 90, holds: [LANTERN] }
                  TOM: { wardrobe: sweater, at: BENCH, facing: 0, posture: sit }
                shots:
                  - { id: A, framing: WS, subjects: [MARA], camera: { at: [3, 0.4], height: 1.7, lens: 18, look_at: [3, 3, 0.8] },
                      duration: 1, blocking: { MARA: { to: [%.2f, %.2f], facing: 0 } } }
                  - { id: B, framing: WS, subjects: [MARA], camera: { at: [5.6, 0.5], height: 1.9, lens: 18, look_at: [3, 3.5, 0.7] },
                      duration: 1, events: [ { character: MARA, puts_down: LANTERN } ] }
                """, mark.x(), mark.y());
        String shots2 = """
                scene: 2
                continues: true
                location: GALLERY
                time: NIGHT
                cast:
                  MARA: { at: [1, 1], facing: 90 }
                shots:
                  - { id: A, framing: WS, subjects: [MARA], camera: { at: [4, 0.5], height: 1.6, lens: 18, look_at: [1, 1] }, duration: 0.5 }
                """;
        String shots3 = """
                scene: 3
                continues: true
                location: LAMP_ROOM
                time: NIGHT
                cast:
                  MARA: { at: [1, 1], facing: 90 }
                shots:
                  - { id: A, framing: WS, subjects: [MARA], camera: { at: [3, 0.4], height: 2.0, lens: 18, look_at: [3, 3.5, 0.7] }, duration: 0.5 }
                """;
        try {
            TestFilm.write(folder, shots1, 12, W, H);
            Files.writeString(folder.resolve("screenplay.fountain"), """
                    Title: Generated

                    INT. LIGHTHOUSE - LAMP ROOM - NIGHT

                    Mara and Tom by the great lens.

                    EXT. LIGHTHOUSE - GALLERY - NIGHT

                    Mara in the wind.

                    INT. LIGHTHOUSE - LAMP ROOM - NIGHT

                    Mara comes back in.
                    """);
            Files.writeString(folder.resolve("bible/locations.yaml"), TestFilm.LOCATIONS + lampRoom + """
                    GALLERY:
                      heading: EXT. LIGHTHOUSE - GALLERY
                      description: iron balcony
                      size: [6, 6]
                    """);
            Files.writeString(folder.resolve("shots/002.yaml"), shots2);
            Files.writeString(folder.resolve("shots/003.yaml"), shots3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var read = TestFilm.read(folder);
        assertThat(read.diagnostics()).isEmpty();
        return read.production();
    }
}
