package film.slate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import film.slate.store.db.TakeVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Notes as Kitsu keeps a preview's annotations, and as its API takes them. What Kitsu does, read
 * in its sources (cgwire/zou and cgwire/kitsu):
 * <ul>
 * <li>zou stores a preview file's {@code annotations} as a list of {@code {"time", "drawing":
 * {"objects": [...]}}} and changes it only through {@code PUT /api/actions/preview-files/{id}/update-annotations}
 * with {@code {"additions", "updates", "deletions"}} (zou/app/blueprints/previews/__init__.py,
 * schemas.py AnnotationsUpdateSchema; services/preview_files_service.py update_preview_file_annotations).
 * An addition at a time not annotated yet is appended whole; at a known time only objects whose
 * {@code id} is new are added ({@code _apply_annotation_additions}, {@code _get_new_annotations}):
 * so ids derived from the note make importing twice harmless.</li>
 * <li>The key is {@code time}, snapped to Kitsu's frame grid: a frame lasts {@code 1/fps} rounded
 * to 4 decimals and a frame's time is its number times that, rounded to 4 decimals (kitsu
 * src/lib/video.js roundToFrame; zou {@code _round_time_to_frame}, which
 * {@code normalize_annotation_times} writes back). The player's frames count from 0
 * (PreviewPlayer.vue setVideoFrameContext: {@code time = frame * frameDuration}) and it adds a
 * {@code frame} beside {@code time} (mixins/annotation.js addToAdditions).</li>
 * <li>Objects are fabric.js JSON in pixels of a canvas of {@code canvasWidth x canvasHeight};
 * Kitsu scales them to its own canvas ({@code addObjectToCanvas}, zou/app/utils/annotations.py
 * {@code _get_scales}). Kitsu's player draws only {@code path} and {@code i-text}/{@code text}
 * objects and multiplies {@code left}, {@code top}, {@code scaleX}, {@code scaleY} by its
 * scale, so each must be present. A rectangle is therefore a closed path, and the note's words an
 * {@code i-text} (an annotation time left without objects is dropped by zou).</li>
 * </ul>
 */
final class KitsuAnnotations {
    static final String COLOUR = "#ff3b30";
    /** Kitsu's "big" pencil. */
    static final double STROKE = 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KitsuAnnotations() {
    }

    /**
     * {@code {"previews":[{"shot","take","version","fps","width","height","annotations":[...],
     * "update_annotations":{"additions":[...],"updates":[],"deletions":[]}}]}}: per take version, what
     * Kitsu would store and the body of the route that stores it.
     */
    static ObjectNode of(List<NoteRecord> notes, int width, int height) {
        Map<TakeVersion, TreeMap<Long, List<ObjectNode>>> byTake = new LinkedHashMap<>();
        Map<TakeVersion, NoteRecord> rate = new LinkedHashMap<>();
        for (NoteRecord n : notes) {
            TreeMap<Long, List<ObjectNode>> frames = byTake.computeIfAbsent(n.take(), t -> new TreeMap<>());
            rate.putIfAbsent(n.take(), n);
            for (long f = n.frame(); f <= n.endFrame().orElse(n.frame()); f++) {
                List<ObjectNode> objects = frames.computeIfAbsent(f, k -> new ArrayList<>());
                long labels = objects.stream().filter(o -> o.path("type").asText().equals("i-text")).count();
                n.region().ifPresent(r -> objects.add(path(r, id(n, "region"), width, height)));
                objects.add(words(n, (int) labels, width, height));
            }
        }
        ObjectNode root = NODES.objectNode();
        ArrayNode previews = root.putArray("previews");
        byTake.forEach((take, frames) -> {
            NoteRecord r = rate.get(take);
            ObjectNode p = previews.addObject().put("shot", take.shot()).put("take", take.take()).put("version", take.version())
                    .put("fps", r.fpsNum() + "/" + r.fpsDen()).put("width", width).put("height", height);
            ArrayNode annotations = p.putArray("annotations");
            frames.forEach((frame, objects) -> {
                ObjectNode a = annotations.addObject().put("time", time(frame, r.fpsNum(), r.fpsDen())).put("frame", frame);
                a.putObject("drawing").putArray("objects").addAll(objects);
            });
            ObjectNode body = p.putObject("update_annotations");
            body.set("additions", annotations.deepCopy());
            body.putArray("updates");
            body.putArray("deletions");
        });
        return root;
    }

    /** Kitsu's time of frame {@code frame} (from 0): on its grid of 1/fps rounded to 4 decimals, itself rounded to 4. */
    static double time(long frame, int fpsNum, int fpsDen) {
        double step = Math.round(1 / ((double) fpsNum / fpsDen) * 10000) / 10000.0;
        return Math.round(frame * step * 10000) / 10000.0;
    }

    /** The same note on the same frame always gets the same object id, so Kitsu adds it once. */
    private static String id(NoteRecord n, String part) {
        return UUID.nameUUIDFromBytes(("slate note " + n.id() + " " + n.take().label() + " v" + n.take().version() + " "
                + part).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The region as a fabric.js path in pixels: a rectangle closed, a stroke as drawn. Like fabric's
     * own serialisation of a path, {@code left}/{@code top} are the points' box less half the stroke
     * and {@code width}/{@code height} the box itself, so fabric draws the points where they are.
     */
    static ObjectNode path(Region region, String id, int width, int height) {
        List<double[]> points = new ArrayList<>();
        if (region instanceof Region.Rect r) {
            double x0 = r.x() * width;
            double y0 = r.y() * height;
            double x1 = (r.x() + r.w()) * width;
            double y1 = (r.y() + r.h()) * height;
            points.addAll(List.of(new double[] {x0, y0}, new double[] {x1, y0}, new double[] {x1, y1},
                    new double[] {x0, y1}));
        } else if (region instanceof Region.Stroke s) {
            s.points().forEach(p -> points.add(new double[] {p.x() * width, p.y() * height}));
        }
        double minX = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double minY = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double maxX = points.stream().mapToDouble(p -> p[0]).max().orElse(0);
        double maxY = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
        ObjectNode o = fabric("path", id, width, height).put("left", minX - STROKE / 2).put("top", minY - STROKE / 2)
                .put("width", maxX - minX).put("height", maxY - minY).putNull("fill").put("stroke", COLOUR)
                .put("strokeWidth", STROKE).put("strokeLineCap", "round").put("strokeLineJoin", "round");
        ArrayNode commands = o.putArray("path");
        for (int i = 0; i < points.size(); i++) {
            commands.addArray().add(i == 0 ? "M" : "L").add(points.get(i)[0]).add(points.get(i)[1]);
        }
        if (region instanceof Region.Rect) {
            commands.addArray().add("Z");
        }
        return o;
    }

    /** The note's author and words as fabric.js text, under its region (or at the top-left, one line each). */
    private static ObjectNode words(NoteRecord n, int line, int width, int height) {
        double size = height > 320 ? 12.0 * height / 320 : 12; // as Kitsu sizes the text it adds
        double left = 10;
        double top = 10 + line * size * 1.5;
        if (n.region().isPresent()) {
            ObjectNode box = path(n.region().get(), "", width, height);
            left = Math.max(0, box.path("left").asDouble());
            double below = box.path("top").asDouble() + box.path("height").asDouble() + STROKE * 2;
            top = below + size * 1.2 <= height ? below : Math.max(0, box.path("top").asDouble() - size * 1.4);
        }
        return fabric("i-text", id(n, "text"), width, height).put("left", left).put("top", top)
                .put("text", n.author() + ": " + n.text()).put("fontFamily", "arial").put("fontSize", size)
                .put("fill", COLOUR).put("backgroundColor", "rgba(255,255,255, 0.8)");
    }

    private static ObjectNode fabric(String type, String id, int width, int height) {
        return NODES.objectNode().put("type", type).put("id", id).put("originX", "left").put("originY", "top")
                .put("scaleX", 1).put("scaleY", 1).put("angle", 0).put("opacity", 1).put("canvasWidth", width)
                .put("canvasHeight", height);
    }
}
