package film.slate.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import film.slate.store.db.TakeVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notes written out for scripts and for other review tools: Slate's own JSON, frame.io v4 comment
 * bodies ({@code timestamp} and {@code duration} in frames, shapes in the serialized
 * {@code annotation}), and Kitsu preview annotations (one entry per frame, fabric.js objects in
 * pixels of the picture).
 */
public final class NoteExport {
    /** The export formats {@code slate notes --format} offers. */
    public enum Format { json, frameio, kitsu }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLOUR = "#ff3b30";

    private NoteExport() {
    }

    public static ObjectNode write(Format format, List<NoteRecord> notes, int width, int height) {
        return switch (format) {
            case json -> json(notes);
            case frameio -> frameio(notes);
            case kitsu -> kitsu(notes, width, height);
        };
    }

    /** {@code {"notes":[...]}}: every field of every note, frames with their rational rate and timecode. */
    public static ObjectNode json(List<NoteRecord> notes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("notes");
        notes.forEach(n -> list.add(note(n)));
        return root;
    }

    /** One note as the API and {@code slate notes --format json} show it. */
    public static ObjectNode note(NoteRecord n) {
        ObjectNode o = JSON.createObjectNode().put("id", n.id()).put("shot", n.take().shot()).put("take", n.take().take())
                .put("version", n.take().version()).put("frame", n.frame());
        if (n.endFrame().isPresent()) {
            o.put("to", n.endFrame().get());
        } else {
            o.putNull("to");
        }
        o.put("fps", n.fpsNum() + "/" + n.fpsDen()).put("timecode", timecode(n.frame(), n.fpsNum(), n.fpsDen()));
        if (n.region().isPresent()) {
            o.set("region", n.region().get().toJson());
        } else {
            o.putNull("region");
        }
        o.put("text", n.text()).put("author", n.author()).put("at", Instant.ofEpochMilli(n.at()).toString());
        if (n.replyTo().isPresent()) {
            o.put("reply_to", n.replyTo().get());
        } else {
            o.putNull("reply_to");
        }
        o.put("resolved", n.resolved());
        n.resolvedBy().ifPresent(r -> o.put("resolved_by", r));
        return o;
    }

    /** {@code {"comments":[{"shot","take","version","data":{text,timestamp,duration?,annotation?}}]}}. */
    static ObjectNode frameio(List<NoteRecord> notes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("comments");
        for (NoteRecord n : notes) {
            ObjectNode c = list.addObject().put("shot", n.take().shot()).put("take", n.take().take())
                    .put("version", n.take().version());
            ObjectNode data = c.putObject("data").put("text", n.author() + ": " + n.text()).put("timestamp", n.frame());
            n.endFrame().ifPresent(e -> data.put("duration", e - n.frame() + 1));
            n.region().ifPresent(r -> data.put("annotation", frameioShapes(r).toString()));
        }
        return root;
    }

    /** frame.io's drawing list: shapes on the 0..1 plane from the top-left, as a serialized string. */
    private static ArrayNode frameioShapes(Region region) {
        ArrayNode shapes = JSON.createArrayNode();
        if (region instanceof Region.Rect r) {
            shapes.addObject().put("tool", "rect").put("color", COLOUR).put("size", 4).put("x", r.x()).put("y", r.y())
                    .put("w", r.w()).put("h", r.h());
        } else if (region instanceof Region.Stroke s) {
            ObjectNode pen = shapes.addObject().put("tool", "pen").put("color", COLOUR).put("size", 4);
            ArrayNode xs = pen.putArray("xs");
            ArrayNode ys = pen.putArray("ys");
            s.points().forEach(p -> {
                xs.add(p.x());
                ys.add(p.y());
            });
        }
        return shapes;
    }

    /**
     * {@code {"previews":[{"shot","take","version","annotations":[{"time","frame","drawing":{"objects":[...]}}]}]}}:
     * Kitsu keys a preview's drawings by frame; objects are fabric.js shapes in picture pixels.
     */
    static ObjectNode kitsu(List<NoteRecord> notes, int width, int height) {
        Map<TakeVersion, TreeMap<Long, List<NoteRecord>>> byTake = new LinkedHashMap<>();
        for (NoteRecord n : notes) {
            byTake.computeIfAbsent(n.take(), t -> new TreeMap<>()).computeIfAbsent(n.frame(), f -> new java.util.ArrayList<>())
                    .add(n);
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode previews = root.putArray("previews");
        byTake.forEach((take, frames) -> {
            ObjectNode p = previews.addObject().put("shot", take.shot()).put("take", take.take()).put("version", take.version());
            ArrayNode annotations = p.putArray("annotations");
            frames.forEach((frame, at) -> {
                NoteRecord first = at.get(0);
                ObjectNode a = annotations.addObject().put("time", first.seconds()).put("frame", frame);
                ArrayNode objects = a.putObject("drawing").putArray("objects");
                at.forEach(n -> n.region().ifPresent(r -> objects.add(fabric(r, n.author(), width, height))));
                ArrayNode texts = a.putArray("notes");
                at.forEach(n -> texts.addObject().put("author", n.author()).put("text", n.text()));
            });
        });
        return root;
    }

    /**
     * Non-drop timecode of a frame at a rational rate; a fractional rate (30000/1001) counts at its
     * nominal whole rate (30), as non-drop timecode does.
     */
    public static String timecode(long frame, int fpsNum, int fpsDen) {
        return new film.slate.media.previz.Timecode(frame, (int) Math.max(1, Math.round((double) fpsNum / fpsDen))).toString();
    }

    private static ObjectNode fabric(Region region, String author, int width, int height) {
        ObjectNode o = JSON.createObjectNode();
        if (region instanceof Region.Rect r) {
            o.put("type", "rect").put("left", r.x() * width).put("top", r.y() * height).put("width", r.w() * width)
                    .put("height", r.h() * height).put("fill", "transparent");
        } else if (region instanceof Region.Stroke s) {
            o.put("type", "path").put("fill", "transparent");
            ArrayNode path = o.putArray("path");
            for (int i = 0; i < s.points().size(); i++) {
                Region.Point pt = s.points().get(i);
                path.addArray().add(i == 0 ? "M" : "L").add(pt.x() * width).add(pt.y() * height);
            }
        }
        return o.put("stroke", COLOUR).put("strokeWidth", 4).put("canvasWidth", width).put("canvasHeight", height)
                .put("createdBy", author);
    }
}
