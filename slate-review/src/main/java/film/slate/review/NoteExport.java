package film.slate.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.NoteRecord;
import java.time.Instant;
import java.util.List;

/**
 * Notes written out for scripts and for other review tools: Slate's own JSON, frame.io v4 comment
 * bodies ({@link FrameioComments}) and Kitsu preview annotations ({@link KitsuAnnotations}).
 */
public final class NoteExport {
    /** The export formats {@code slate notes --format} offers. */
    public enum Format { json, frameio, kitsu }

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoteExport() {
    }

    public static ObjectNode write(Format format, List<NoteRecord> notes, int width, int height) {
        return switch (format) {
            case json -> json(notes);
            case frameio -> FrameioComments.of(notes);
            case kitsu -> KitsuAnnotations.of(notes, width, height);
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

    /**
     * Non-drop timecode of a frame at a rational rate; a fractional rate (30000/1001) counts at its
     * nominal whole rate (30), as non-drop timecode does.
     */
    public static String timecode(long frame, int fpsNum, int fpsDen) {
        return new film.slate.media.previz.Timecode(frame, (int) Math.max(1, Math.round((double) fpsNum / fpsDen))).toString();
    }
}
