package film.slate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import film.slate.store.db.TakeVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kitsu and frame.io exports against what those tools do, over seeded random notes (rates,
 * frames, ranges, rectangles, strokes, picture sizes; {@code -Dslate.export.trials=N}). The facts,
 * from their sources, are restated here as small formulas, never their code:
 * <ul>
 * <li>Kitsu's frame grid (kitsu src/lib/video.js {@code roundToFrame}: a frame lasts
 * {@code round(1/fps, 4 decimals)}, times are rounded to 4 decimals; PreviewPlayer.vue
 * {@code getAnnotation} finds a frame's drawing within 0.0001 of it) and zou's
 * (zou/app/services/preview_files_service.py {@code _round_time_to_frame}: the same grid, half up).</li>
 * <li>zou's update-annotations merge ({@code _apply_annotation_additions}: new times appended, at a
 * known time only objects with a new {@code id}); an annotation without objects is dropped
 * ({@code _clear_empty_annotations}).</li>
 * <li>Kitsu's player draws {@code path} and {@code i-text}/{@code text} objects only and multiplies
 * {@code left, top, scaleX, scaleY} by its canvas scale (src/components/mixins/annotation.js
 * {@code addObjectToCanvas}); fabric.js draws a path's point {@code p} at
 * {@code left + (width + strokeWidth)/2 + (p - centre of the points' box)}.</li>
 * <li>frame.io (developer.frame.io "Working with Annotations", comments/create): {@code timestamp}
 * in frames from 0, {@code duration} in frames, {@code annotation} a serialized list of
 * {@code rect}/{@code arrow}/{@code line} shapes on a 0-to-1 plane with {@code color} and {@code size}.</li>
 * </ul>
 */
class NoteExportShapesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[][] RATES = {{24, 1}, {25, 1}, {30000, 1001}, {24000, 1001}, {30, 1}, {12, 1}, {60, 1}, {48, 1}};

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("slate.export.trials", 60));
    }

    /** Kitsu's (and zou's) grid step for a rate. */
    static double step(int num, int den) {
        return Math.floor(1 / ((double) num / den) * 10000 + 0.5) / 10000;
    }

    /** zou's {@code _round_time_to_frame}, as a frame number. */
    static long zouFrame(double time, int num, int den) {
        return (long) Math.floor(time / step(num, den) + 0.5);
    }

    static List<NoteRecord> notes(Random random, int[] rate, int frames) {
        List<NoteRecord> notes = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            long frame = random.nextInt(frames);
            Optional<Long> to = random.nextBoolean() ? Optional.of(Math.min(frames - 1L, frame + random.nextInt(5)))
                    : Optional.empty();
            Optional<Region> region = switch (random.nextInt(3)) {
                case 0 -> Optional.empty();
                case 1 -> {
                    double x = random.nextDouble() * 0.9;
                    double y = random.nextDouble() * 0.9;
                    yield Optional.of(new Region.Rect(x, y, Math.min(1 - x, 0.01 + random.nextDouble() * 0.4),
                            Math.min(1 - y, 0.01 + random.nextDouble() * 0.4)));
                }
                default -> {
                    List<Region.Point> points = new ArrayList<>();
                    for (int p = 0; p < 2 + random.nextInt(20); p++) {
                        points.add(new Region.Point(random.nextDouble(), random.nextDouble()));
                    }
                    yield Optional.of(new Region.Stroke(points));
                }
            };
            TakeVersion take = new TakeVersion("1/1A", 1 + random.nextInt(2), 1);
            notes.add(new NoteRecord(i + 1, take, frame, to, rate[0], rate[1], region, "note " + i + " \"quoted\"",
                    "mara", 0, Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return notes;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void kitsuKeysEachFrameOnItsGridAndImportsOnce(long seed) {
        Random random = new Random(seed);
        int[] rate = RATES[random.nextInt(RATES.length)];
        int width = 64 + random.nextInt(1900);
        int height = 36 + random.nextInt(1000);
        int frames = 1 + random.nextInt(seed % 5 == 0 ? 100_000 : 300); // some shots far past 100 s
        List<NoteRecord> notes = notes(random, rate, frames);
        JsonNode out = JSON.valueToTree(NoteExport.write(NoteExport.Format.kitsu, notes, width, height));
        int objects = 0;
        for (JsonNode preview : out.path("previews")) {
            JsonNode body = preview.path("update_annotations");
            assertThat(fields(body)).containsExactly("additions", "updates", "deletions");
            assertThat(body.path("additions")).isEqualTo(preview.path("annotations"));
            Set<Double> times = new HashSet<>();
            for (JsonNode a : preview.path("annotations")) {
                assertThat(fields(a)).containsExactly("time", "frame", "drawing");
                long frame = a.path("frame").asLong();
                double time = a.path("time").asDouble();
                assertThat(times.add(time)).as("one entry per time").isTrue();
                assertThat(zouFrame(time, rate[0], rate[1])).as("zou's frame of %s", time).isEqualTo(frame);
                double kitsu = Math.floor(frame * step(rate[0], rate[1]) * 10000 + 0.5) / 10000; // Kitsu's time of the frame
                assertThat(Math.abs(time - kitsu)).as("Kitsu finds frame %d at %s", frame, time).isLessThan(0.0001);
                assertThat(a.path("drawing").path("objects")).isNotEmpty(); // zou drops empty times
                for (JsonNode o : a.path("drawing").path("objects")) {
                    assertDrawable(o, width, height);
                    objects++;
                }
            }
            Map<Double, Set<String>> stored = merge(new LinkedHashMap<>(), body.path("additions"));
            assertThat(merge(stored, body.path("additions"))).as("importing twice adds nothing").isEqualTo(stored);
        }
        long expected = notes.stream().mapToLong(n -> (n.endFrame().orElse(n.frame()) - n.frame() + 1)
                * (n.region().isPresent() ? 2 : 1)).sum();
        assertThat(objects).as("each frame of each note: its drawing and its words").isEqualTo(expected);
        for (NoteRecord n : notes) {
            n.region().ifPresent(r -> assertPathOnRegion(KitsuAnnotations.path(r, "x", width, height), r, width, height));
        }
    }

    /** What Kitsu's player needs to draw an object: its type, and every number it scales. */
    static void assertDrawable(JsonNode o, int width, int height) {
        assertThat(o.path("type").asText()).isIn("path", "i-text");
        assertThat(o.path("id").asText()).hasSize(36);
        for (String n : List.of("left", "top", "scaleX", "scaleY", "angle")) {
            assertThat(o.path(n).isNumber()).as(n).isTrue();
        }
        assertThat(o.path("canvasWidth").asInt()).isEqualTo(width);
        assertThat(o.path("canvasHeight").asInt()).isEqualTo(height);
        if (o.path("type").asText().equals("i-text")) {
            assertThat(o.path("text").asText()).startsWith("mara: note ");
            assertThat(o.path("top").asDouble()).isBetween(0.0, (double) height);
        }
    }

    /** fabric.js draws every point of the path on the region's pixels, the rectangle closed. */
    static void assertPathOnRegion(JsonNode path, Region region, int width, int height) {
        JsonNode commands = path.path("path");
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        List<double[]> points = new ArrayList<>();
        for (JsonNode c : commands) {
            if (c.size() == 3) {
                points.add(new double[] {c.get(1).asDouble(), c.get(2).asDouble()});
                minX = Math.min(minX, c.get(1).asDouble());
                minY = Math.min(minY, c.get(2).asDouble());
                maxX = Math.max(maxX, c.get(1).asDouble());
                maxY = Math.max(maxY, c.get(2).asDouble());
            }
        }
        double sw = path.path("strokeWidth").asDouble();
        double cx = path.path("left").asDouble() + (path.path("width").asDouble() + sw) / 2;
        double cy = path.path("top").asDouble() + (path.path("height").asDouble() + sw) / 2;
        List<double[]> drawn = new ArrayList<>();
        for (double[] p : points) {
            drawn.add(new double[] {cx + p[0] - (minX + maxX) / 2, cy + p[1] - (minY + maxY) / 2});
        }
        if (region instanceof Region.Rect r) {
            assertThat(commands.get(commands.size() - 1).get(0).asText()).isEqualTo("Z");
            assertThat(drawn.get(0)[0]).isCloseTo(r.x() * width, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(drawn.get(0)[1]).isCloseTo(r.y() * height, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(drawn.get(2)[0]).isCloseTo((r.x() + r.w()) * width, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(drawn.get(2)[1]).isCloseTo((r.y() + r.h()) * height, org.assertj.core.data.Offset.offset(1e-6));
        } else if (region instanceof Region.Stroke s) {
            assertThat(drawn).hasSameSizeAs(s.points());
            for (int i = 0; i < drawn.size(); i++) {
                assertThat(drawn.get(i)[0]).isCloseTo(s.points().get(i).x() * width, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(drawn.get(i)[1]).isCloseTo(s.points().get(i).y() * height, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /** zou's additions onto stored annotations, as time to the ids of its objects. */
    static Map<Double, Set<String>> merge(Map<Double, Set<String>> stored, JsonNode additions) {
        Map<Double, Set<String>> out = new LinkedHashMap<>();
        stored.forEach((t, ids) -> out.put(t, new HashSet<>(ids)));
        for (JsonNode a : additions) {
            Set<String> ids = out.computeIfAbsent(a.path("time").asDouble(), t -> new HashSet<>());
            a.path("drawing").path("objects").forEach(o -> ids.add(o.path("id").asText()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void frameioCommentsAreFramesAndDocumentedShapes(long seed) throws Exception {
        Random random = new Random(seed);
        int[] rate = RATES[random.nextInt(RATES.length)];
        List<NoteRecord> notes = notes(random, rate, 1 + random.nextInt(500));
        JsonNode comments = JSON.valueToTree(NoteExport.write(NoteExport.Format.frameio, notes, 640, 360)).path("comments");
        assertThat(comments).hasSameSizeAs(notes);
        for (int i = 0; i < notes.size(); i++) {
            NoteRecord n = notes.get(i);
            JsonNode data = comments.get(i).path("data");
            assertThat(data.path("timestamp").isIntegralNumber()).isTrue();
            assertThat(data.path("timestamp").asLong()).isEqualTo(n.frame());
            assertThat(data.has("duration")).isEqualTo(n.endFrame().isPresent());
            n.endFrame().ifPresent(e -> assertThat(data.path("duration").asLong()).isEqualTo(e - n.frame() + 1));
            assertThat(data.has("annotation")).isEqualTo(n.region().isPresent());
            if (n.region().isEmpty()) {
                continue;
            }
            JsonNode shapes = JSON.readTree(data.path("annotation").asText());
            for (JsonNode s : shapes) {
                assertThat(s.path("tool").asText()).isIn("rect", "line");
                assertThat(s.path("color").asText()).matches("#[0-9a-f]{6}");
                assertThat(s.path("size").isNumber()).isTrue();
                assertThat(s.path("x").asDouble() + Math.max(0, s.path("w").asDouble())).isBetween(0.0, 1.0000001);
                assertThat(s.path("y").asDouble() + Math.max(0, s.path("h").asDouble())).isBetween(0.0, 1.0000001);
            }
            if (n.region().get() instanceof Region.Stroke stroke) {
                assertThat(shapes).hasSize(stroke.points().size() - 1); // the lines join the points in order
                for (int p = 0; p < shapes.size(); p++) {
                    JsonNode line = shapes.get(p);
                    assertThat(line.path("x").asDouble() + line.path("w").asDouble())
                            .isCloseTo(stroke.points().get(p + 1).x(), org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    static List<String> fields(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
