package film.slate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.VideoFormat;
import film.slate.engine.fix.FixOrder;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import film.slate.store.db.TakeVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A note's drawn region in pixels: over random rectangles and strokes on random picture sizes, a
 * pixel is in the fix's region exactly when the drawing overlaps it (edges round outward, never
 * past the picture); a stroke's region is its bounding box. Seeds: {@code -Dslate.notefix.trials=N}.
 */
class NoteFixTest {
    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("slate.notefix.trials", 200));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPixelIsInsideExactlyWhenTheDrawingOverlapsIt(long seed) {
        Random random = new Random(seed);
        VideoFormat f = new VideoFormat(24, 2 + random.nextInt(400), 2 + random.nextInt(300));
        double x = random.nextDouble() * 0.9;
        double y = random.nextDouble() * 0.9;
        double w = Math.min(1 - x, 0.001 + random.nextDouble() * 0.5);
        double h = Math.min(1 - y, 0.001 + random.nextDouble() * 0.5);
        int[] r = NoteFix.pixels(new Region.Rect(x, y, w, h), f);
        assertThat(r[0]).isNotNegative();
        assertThat(r[1]).isNotNegative();
        assertThat(r[0] + r[2]).isLessThanOrEqualTo(f.width());
        assertThat(r[1] + r[3]).isLessThanOrEqualTo(f.height());
        for (int c = 0; c < f.width(); c++) {
            boolean overlaps = c + 1 > x * f.width() && c < (x + w) * f.width();
            assertThat(c >= r[0] && c < r[0] + r[2]).as("seed %d column %d", seed, c).isEqualTo(overlaps);
        }
        for (int row = 0; row < f.height(); row++) {
            boolean overlaps = row + 1 > y * f.height() && row < (y + h) * f.height();
            assertThat(row >= r[1] && row < r[1] + r[3]).as("seed %d row %d", seed, row).isEqualTo(overlaps);
        }
        List<Region.Point> points = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(30); i++) {
            points.add(new Region.Point(random.nextDouble(), random.nextDouble()));
        }
        double x0 = points.stream().mapToDouble(Region.Point::x).min().orElseThrow();
        double y0 = points.stream().mapToDouble(Region.Point::y).min().orElseThrow();
        double x1 = points.stream().mapToDouble(Region.Point::x).max().orElseThrow();
        double y1 = points.stream().mapToDouble(Region.Point::y).max().orElseThrow();
        assertThat(NoteFix.pixels(new Region.Stroke(points), f))
                .containsExactly(NoteFix.pixels(new Region.Rect(x0, y0, x1 - x0, y1 - y0), f));
    }

    @Test
    void theNotesFramesAndRegionBecomeTheOrderAndTheBodyMayOverrideThem() throws Exception {
        VideoFormat f = new VideoFormat(24, 64, 36);
        NoteRecord note = note(Optional.of(new Region.Rect(0.25, 0.25, 0.5, 0.5)));
        FixOrder o = NoteFix.order(note, body("{\"note\":1,\"prompt\":\"steady\",\"set\":{\"time\":\"DAY\"}}"), f);
        assertThat(o.shot()).isEqualTo("1/1A");
        assertThat(o.version()).hasValue(3);
        assertThat(new int[] {o.first(), o.last()}).containsExactly(2, 5);
        assertThat(o.where()).isEqualTo(new FixOrder.Region(16, 9, 32, 18));
        assertThat(o.prompt()).hasValue("steady");
        assertThat(o.set()).containsEntry("time", "DAY");
        FixOrder over = NoteFix.order(note, body("{\"note\":1,\"frames\":[0,1],\"region\":[1,2,3,4],\"feather\":2}"), f);
        assertThat(new int[] {over.first(), over.last()}).containsExactly(0, 1);
        assertThat(over.where()).isEqualTo(new FixOrder.Region(1, 2, 3, 4));
        assertThat(over.feather()).isEqualTo(2);
        assertThatThrownBy(() -> NoteFix.order(note(Optional.empty()), body("{\"note\":1}"), f))
                .isInstanceOf(ReviewException.class).hasMessageContaining("has no drawn region");
        assertThatThrownBy(() -> NoteFix.order(note, body("{\"note\":1,\"set\":{\"time\":3}}"), f))
                .isInstanceOf(ReviewException.class).hasMessageContaining("\"set\" must be an object of fields to strings");
    }

    private static NoteRecord note(Optional<Region> region) {
        return new NoteRecord(1, new TakeVersion("1/1A", 1, 3), 2, Optional.of(5L), 24, 1, region, "the hand", "ann", 0,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static JsonNode body(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }
}
