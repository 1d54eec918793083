package film.slate.review;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.VideoFormat;
import film.slate.engine.fix.FixOrder;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Region;
import java.util.Map;
import java.util.Optional;

/**
 * A note made into a fix order: its version, its frame (or range) and its drawn region become
 * {@code --frames} and {@code --region}; the body may give a {@code prompt}, a {@code feather},
 * a {@code backend}, fields to change ({@code "set": {"time": "NIGHT"}}, as {@code --set}), and
 * {@code frames} {@code [A, B]} or a {@code region} {@code [x, y, w, h]} in pixels of the format
 * to use instead of the note's.
 */
final class NoteFix {
    private NoteFix() {
    }

    static FixOrder order(NoteRecord note, JsonNode body, VideoFormat format) throws ReviewException {
        int[] frames = body.has("frames") ? numbers(body, "frames", 2)
                : new int[] {(int) note.frame(), (int) (long) note.endFrame().orElse(note.frame())};
        if (frames[0] > frames[1]) {
            throw new ReviewException("\"frames\" [" + frames[0] + ", " + frames[1] + "] ends before it starts; give [A, B]"
                    + " with A <= B");
        }
        int[] r;
        if (body.has("region")) {
            r = numbers(body, "region", 4);
        } else {
            r = pixels(note.region().orElseThrow(() -> new ReviewException("note " + note.id() + " has no drawn region;"
                    + " draw one on the picture, or send \"region\": [x, y, w, h] in pixels")), format);
        }
        int feather = body.has("feather") ? Api.integer(body, "feather") : 0;
        Optional<String> prompt = text(body, "prompt");
        return new FixOrder(note.take().shot(), note.take().take(), Optional.of(note.take().version()), frames[0],
                frames[1], new FixOrder.Region(r[0], r[1], r[2], r[3]), prompt, set(body), text(body, "backend"), feather);
    }

    /**
     * The pixels a region covers: a rectangle's, or a stroke's bounding box; every pixel the drawn
     * shape touches is inside (the edges round outward).
     */
    static int[] pixels(Region region, VideoFormat f) {
        double x0;
        double y0;
        double x1;
        double y1;
        if (region instanceof Region.Rect rect) {
            x0 = rect.x();
            y0 = rect.y();
            x1 = rect.x() + rect.w();
            y1 = rect.y() + rect.h();
        } else {
            var points = ((Region.Stroke) region).points();
            x0 = points.stream().mapToDouble(Region.Point::x).min().orElseThrow();
            y0 = points.stream().mapToDouble(Region.Point::y).min().orElseThrow();
            x1 = points.stream().mapToDouble(Region.Point::x).max().orElseThrow();
            y1 = points.stream().mapToDouble(Region.Point::y).max().orElseThrow();
        }
        int left = (int) Math.floor(x0 * f.width());
        int top = (int) Math.floor(y0 * f.height());
        int right = Math.min(f.width(), (int) Math.ceil(x1 * f.width()));
        int bottom = Math.min(f.height(), (int) Math.ceil(y1 * f.height()));
        return new int[] {left, top, right - left, bottom - top};
    }

    private static Map<String, String> set(JsonNode body) throws ReviewException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (!body.hasNonNull("set")) {
            return out;
        }
        if (!body.get("set").isObject()) {
            throw new ReviewException("\"set\" must be an object of fields to strings, e.g. {\"time\": \"NIGHT\"}");
        }
        for (var e : body.get("set").properties()) {
            if (!e.getValue().isTextual()) {
                throw new ReviewException("\"set\" must be an object of fields to strings, e.g. {\"time\": \"NIGHT\"}");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Optional<String> text(JsonNode body, String field) throws ReviewException {
        return body.hasNonNull(field) ? Optional.of(Api.text(body, field)) : Optional.empty();
    }

    private static int[] numbers(JsonNode body, String field, int count) throws ReviewException {
        JsonNode a = body.get(field);
        if (a == null || !a.isArray() || a.size() != count) {
            throw new ReviewException("\"" + field + "\" must be " + count + " whole numbers in an array");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (!a.get(i).isIntegralNumber() || !a.get(i).canConvertToInt()) {
                throw new ReviewException("\"" + field + "\" must be " + count + " whole numbers in an array");
            }
            out[i] = a.get(i).asInt();
        }
        return out;
    }
}
