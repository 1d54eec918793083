package film.slate.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.TakeRecord;

/**
 * The cut as OpenTimelineIO JSON: a {@code Timeline.1} whose {@code Stack.1} holds one video
 * {@code Track.1} of {@code Clip.2}s (and {@code Gap.1}s), with the schema names and fields of the
 * OTIO serializer, so that {@code otio.adapters.read_from_file} loads it.
 */
final class Otio {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Otio() {
    }

    static String write(Cut cut) {
        ObjectNode timeline = schema("Timeline.1", cut.title());
        timeline.putObject("metadata").putObject("slate").put("rough", cut.rough());
        timeline.set("global_start_time", time(cut.format().fps() * 3600L, cut.format().fps()));
        ObjectNode stack = item("Stack.1", "tracks");
        timeline.set("tracks", stack);
        ObjectNode track = item("Track.1", "V1");
        track.put("kind", "Video");
        stack.putArray("children").add(track);
        var children = track.putArray("children");
        for (CutClip c : cut.clips()) {
            children.add(c.gap() ? gap(c, cut.format().fps()) : clip(c, cut.format().fps()));
        }
        try {
            return JSON.writeValueAsString(timeline) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write OTIO", e);
        }
    }

    private static ObjectNode clip(CutClip c, int fps) {
        ObjectNode clip = item("Clip.2", c.name());
        clip.set("source_range", range(0, c.frames(), fps));
        TakeRecord t = c.take().orElseThrow();
        ObjectNode slate = clip.putObject("metadata").putObject("slate");
        slate.put("shot", c.shot().fullId()).put("take", t.take()).put("version", t.version()).put("recipe", t.recipe())
                .put("master", t.master().orElse("")).put("approved", c.approved()).put("status", c.status());
        ObjectNode refs = clip.putObject("media_references");
        c.master().ifPresent(m -> refs.set("DEFAULT_MEDIA", reference(c.name(), m, c.frames(), fps)));
        c.proxy().ifPresent(p -> refs.set("proxy", reference(c.name() + " proxy", p, c.frames(), fps)));
        clip.put("active_media_reference_key", "DEFAULT_MEDIA");
        return clip;
    }

    private static ObjectNode gap(CutClip c, int fps) {
        ObjectNode gap = item("Gap.1", c.name());
        gap.set("source_range", range(0, c.frames(), fps));
        gap.putObject("metadata").putObject("slate").put("shot", c.shot().fullId()).put("approved", false)
                .put("status", c.status());
        return gap;
    }

    private static ObjectNode reference(String name, String url, int frames, int fps) {
        ObjectNode ref = schema("ExternalReference.1", name);
        ref.putObject("metadata");
        ref.set("available_range", range(0, frames, fps));
        ref.putNull("available_image_bounds");
        ref.put("target_url", url);
        return ref;
    }

    /** An item: name, metadata, source_range, effects, markers, enabled (what Composable/Item serialize). */
    private static ObjectNode item(String schema, String name) {
        ObjectNode n = schema(schema, name);
        n.putObject("metadata");
        n.putNull("source_range");
        n.putArray("effects");
        n.putArray("markers");
        n.put("enabled", true);
        return n;
    }

    private static ObjectNode schema(String schema, String name) {
        ObjectNode n = JSON.createObjectNode();
        n.put("OTIO_SCHEMA", schema);
        n.put("name", name);
        return n;
    }

    private static ObjectNode range(long start, long frames, int fps) {
        ObjectNode r = JSON.createObjectNode();
        r.put("OTIO_SCHEMA", "TimeRange.1");
        r.set("duration", time(frames, fps));
        r.set("start_time", time(start, fps));
        return r;
    }

    private static ObjectNode time(long value, int fps) {
        ObjectNode t = JSON.createObjectNode();
        t.put("OTIO_SCHEMA", "RationalTime.1");
        t.put("rate", (double) fps);
        t.put("value", (double) value);
        return t;
    }
}
