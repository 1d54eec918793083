package film.slate.store.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A drawn region of a note, in image-normalised coordinates: 0 to 1 from the top-left, so it
 * holds on a proxy, a master and a thumbnail alike.
 */
public sealed interface Region permits Region.Rect, Region.Stroke {
    ObjectMapper JSON = new ObjectMapper();

    /** A point of the picture, both coordinates in 0..1. */
    record Point(double x, double y) {
        public Point {
            unit(x, "x");
            unit(y, "y");
        }
    }

    /** A rectangle: its top-left corner and its size. */
    record Rect(double x, double y, double w, double h) implements Region {
        public Rect {
            unit(x, "x");
            unit(y, "y");
            unit(w, "w");
            unit(h, "h");
            if (x + w > 1.0000001 || y + h > 1.0000001) {
                throw new IllegalArgumentException("the region reaches outside the picture (x+w and y+h must be at most 1)");
            }
        }

        @Override
        public JsonNode toJson() {
            return JSON.createObjectNode().put("shape", "rect").put("x", x).put("y", y).put("w", w).put("h", h);
        }
    }

    /** A free-hand stroke: the points the pen passed through, in order. */
    record Stroke(List<Point> points) implements Region {
        public Stroke {
            points = List.copyOf(points);
            if (points.size() < 2 || points.size() > 10_000) {
                throw new IllegalArgumentException("a stroke needs between 2 and 10000 points, not " + points.size());
            }
        }

        @Override
        public JsonNode toJson() {
            ObjectNode o = JSON.createObjectNode().put("shape", "stroke");
            ArrayNode list = o.putArray("points");
            points.forEach(p -> list.addArray().add(p.x()).add(p.y()));
            return o;
        }
    }

    /** {@code {"shape":"rect","x":..,"y":..,"w":..,"h":..}} or {@code {"shape":"stroke","points":[[x,y],..]}}. */
    JsonNode toJson();

    /** Reads what {@link #toJson()} writes; one sentence when it is not a region. */
    static Region of(JsonNode json) {
        String shape = json.path("shape").asText("");
        if (shape.equals("rect")) {
            return new Rect(number(json, "x"), number(json, "y"), number(json, "w"), number(json, "h"));
        }
        if (shape.equals("stroke") && json.path("points").isArray()) {
            List<Point> points = new ArrayList<>();
            for (JsonNode p : json.path("points")) {
                if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new IllegalArgumentException("a stroke point is a pair of numbers [x, y]");
                }
                points.add(new Point(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            return new Stroke(points);
        }
        throw new IllegalArgumentException("a region is {\"shape\":\"rect\",x,y,w,h} or {\"shape\":\"stroke\",\"points\":[[x,y],...]}");
    }

    static Region parse(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the region is not JSON", e);
        }
    }

    private static double number(JsonNode json, String field) {
        if (!json.path(field).isNumber()) {
            throw new IllegalArgumentException("the region's " + field + " must be a number from 0 to 1");
        }
        return json.path(field).asDouble();
    }

    private static void unit(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("the region's " + name + " is " + v + ", outside 0..1 (coordinates are"
                    + " fractions of the picture from the top-left)");
        }
    }
}
