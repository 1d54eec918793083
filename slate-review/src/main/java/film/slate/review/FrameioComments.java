package film.slate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import java.util.List;

/**
 * Notes as frame.io v4 comments: each {@code data} is the body of {@code POST
 * /v4/accounts/{account_id}/files/{file_id}/comments} ({@code {"data": {...}}}, developer.frame.io
 * api-reference comments/create): {@code text}, {@code timestamp} in frames from 0, {@code duration}
 * in frames for a range, and {@code annotation}, the serialized list of shapes. The shapes are the
 * documented ones (developer.frame.io "Working with Annotations"): on a 0-to-1 plane from the
 * top-left, {@code tool} {@code rect} with {@code x, y} its upper-left corner and {@code w, h}, and
 * {@code line} with {@code x, y} its origin and {@code w, h} the distance to its end; {@code color} a
 * six-digit hex colour and {@code size} the line's width in pixels. Free-hand drawing is not
 * documented there, so a stroke is written as the lines between its points.
 */
final class FrameioComments {
    static final String COLOUR = KitsuAnnotations.COLOUR;
    static final int SIZE = 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FrameioComments() {
    }

    /** {@code {"comments":[{"shot","take","version","data":{text,timestamp,duration?,annotation?}}]}}. */
    static ObjectNode of(List<NoteRecord> notes) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("comments");
        for (NoteRecord n : notes) {
            ObjectNode c = list.addObject().put("shot", n.take().shot()).put("take", n.take().take())
                    .put("version", n.take().version());
            ObjectNode data = c.putObject("data").put("text", n.author() + ": " + n.text()).put("timestamp", n.frame());
            n.endFrame().ifPresent(e -> data.put("duration", e - n.frame() + 1));
            n.region().ifPresent(r -> data.put("annotation", shapes(r).toString()));
        }
        return root;
    }

    /** The drawing as frame.io's shapes: a rectangle, or a stroke's segments as lines. */
    static ArrayNode shapes(Region region) {
        ArrayNode shapes = NODES.arrayNode();
        if (region instanceof Region.Rect r) {
            shape(shapes, "rect").put("x", r.x()).put("y", r.y()).put("w", r.w()).put("h", r.h());
        } else if (region instanceof Region.Stroke s) {
            for (int i = 1; i < s.points().size(); i++) {
                Region.Point a = s.points().get(i - 1);
                Region.Point b = s.points().get(i);
                shape(shapes, "line").put("x", a.x()).put("y", a.y()).put("w", b.x() - a.x()).put("h", b.y() - a.y());
            }
        }
        return shapes;
    }

    private static ObjectNode shape(ArrayNode shapes, String tool) {
        return shapes.addObject().put("tool", tool).put("color", COLOUR).put("size", SIZE);
    }
}
