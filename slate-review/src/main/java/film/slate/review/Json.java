package film.slate.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Event;
import film.slate.store.db.SessionRecord;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the API that are not notes (those are {@link NoteExport#note}). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode session(SessionRecord s) {
        return MAPPER.createObjectNode().put("user", s.user()).put("role", s.role().word()).put("csrf", s.csrf());
    }

    static ObjectNode decision(DecisionRecord d) {
        ObjectNode o = MAPPER.createObjectNode().put("id", d.id()).put("shot", d.take().shot()).put("take", d.take().take())
                .put("version", d.take().version()).put("verdict", d.verdict().word()).put("actor", d.actor())
                .put("at", Instant.ofEpochMilli(d.at()).toString());
        d.reason().ifPresent(r -> o.put("reason", r));
        d.note().ifPresent(n -> o.put("note", n));
        return o;
    }

    static ObjectNode decisions(List<DecisionRecord> list) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode a = root.putArray("decisions");
        list.forEach(d -> a.add(decision(d)));
        return root;
    }

    static ObjectNode event(Event e) {
        ObjectNode o = MAPPER.createObjectNode().put("id", e.id()).put("at", Instant.ofEpochMilli(e.at()).toString())
                .put("actor", e.actor()).put("action", e.action()).put("object", e.object());
        e.shot().ifPresent(s -> o.put("shot", s));
        e.reason().ifPresent(r -> o.put("reason", r));
        return o;
    }

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }
}
