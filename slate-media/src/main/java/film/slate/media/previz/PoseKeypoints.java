package film.slate.media.previz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pose pass as numbers: every frame's skeletons, each the 18 COCO keypoints in pixels of the
 * picture (null where {@link PoseDrawing} leaves a joint out), far to near as they are drawn. The
 * pass keeps these rather than the pictures, which are a full frame of mostly black a frame; the
 * pose pictures are drawn from them, the same pixels as drawn from the staging, only for a take
 * that binds them. Stored as JSON, {@code {"keypoints":"COCO-18","width":W,"height":H,
 * "frames":[[[[x,y] or null, ... 18], ...skeletons], ...frames]}}; coordinates are written in
 * full (the shortest decimal that reads back as the same double), so drawing from the file is
 * drawing from the staging.
 */
public final class PoseKeypoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAYOUT = "COCO-18";

    private final int width;
    private final int height;
    private final List<List<Point2D.Double[]>> frames = new ArrayList<>();

    PoseKeypoints(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Adds the next frame's skeletons (kept as given: they are never changed once worked out). */
    void add(List<Point2D.Double[]> skeletons) {
        frames.add(List.copyOf(skeletons));
    }

    public int frames() {
        return frames.size();
    }

    /** Frame {@code frame}'s pose picture, as {@link PrevizShot#pose(int)} draws it. */
    public BufferedImage picture(int frame) {
        return PoseDrawing.draw(frames.get(frame), width, height);
    }

    /** The same picture as indices of the pass videos' palette ({@link PoseDrawing#drawIndexed}). */
    byte[] indices(int frame) {
        return PoseDrawing.drawIndexed(frames.get(frame), width, height);
    }

    /** Writes the keypoints to {@code file} as JSON (see the class), whole or not at all. */
    public void write(Path file) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("keypoints", LAYOUT);
            g.writeNumberField("width", width);
            g.writeNumberField("height", height);
            g.writeArrayFieldStart("frames");
            for (List<Point2D.Double[]> frame : frames) {
                g.writeStartArray();
                for (Point2D.Double[] skeleton : frame) {
                    g.writeStartArray();
                    for (Point2D.Double p : skeleton) {
                        if (p == null) {
                            g.writeNull();
                        } else {
                            g.writeArray(new double[] {p.x, p.y}, 0, 2);
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        film.slate.media.file.WholeFile.bytes(file, out.toByteArray());
    }

    /** Reads keypoints {@link #write} wrote. */
    public static PoseKeypoints read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!LAYOUT.equals(root.path("keypoints").asText())) {
            throw new IOException(file + " is not a pose keypoints file (no \"keypoints\": \"" + LAYOUT + "\")");
        }
        PoseKeypoints out = new PoseKeypoints(root.path("width").asInt(), root.path("height").asInt());
        for (JsonNode frame : root.path("frames")) {
            List<Point2D.Double[]> skeletons = new ArrayList<>();
            for (JsonNode skeleton : frame) {
                Point2D.Double[] at = new Point2D.Double[skeleton.size()];
                for (int j = 0; j < at.length; j++) {
                    JsonNode p = skeleton.get(j);
                    at[j] = p.isNull() ? null : new Point2D.Double(p.get(0).doubleValue(), p.get(1).doubleValue());
                }
                skeletons.add(at);
            }
            out.add(skeletons);
        }
        return out;
    }
}
