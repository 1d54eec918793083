package film.slate.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.lock.LockFileException;
import film.slate.core.lock.LockedShotException;
import film.slate.core.lock.PictureLock;
import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Decisions;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Notes;
import film.slate.store.db.Region;
import film.slate.store.db.SessionRecord;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Verdict;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/** The routes of {@code /api/} that change something: notes, their resolution, decisions. */
final class Api {
    private final Room room;
    private final Access access;
    private final Clock clock;

    Api(Room room, Access access, Clock clock) {
        this.room = room;
        this.access = access;
        this.clock = clock;
    }

    /** {@code POST /api/notes}: a note (or a reply) by an editor or a director. */
    void addNote(Context ctx) throws ReviewException {
        SessionRecord s = access.write(ctx, false);
        JsonNode body = body(ctx);
        Shot shot = shot(text(body, "shot"));
        TakeVersion take = TakeChoice.choose(room.store().takes(), shot.fullId(), Optional.of(integer(body, "take")),
                Optional.of(integer(body, "version")));
        VideoFormat f = room.production().manifest().format();
        long last = Math.max(0, f.frames(shot.duration()) - 1);
        long frame = integer(body, "frame");
        Optional<Long> to = body.hasNonNull("to") ? Optional.of((long) integer(body, "to")) : Optional.empty();
        if (frame > last || to.filter(t -> t > last).isPresent()) {
            throw new ReviewException("shot " + shot.fullId() + " has frames 0 to " + last);
        }
        Optional<Region> region = body.hasNonNull("region") ? Optional.of(Region.of(body.get("region"))) : Optional.empty();
        Optional<Long> replyTo = body.hasNonNull("reply_to") ? Optional.of((long) integer(body, "reply_to")) : Optional.empty();
        NoteRecord n = new Notes(room.store().database()).add(new Notes.Draft(take, frame, to, f.fps(), 1, region,
                text(body, "text"), replyTo), s.user(), clock.millis());
        ctx.status(201).contentType("application/json").result(NoteExport.note(n).toString());
    }

    /** {@code POST /api/notes/{id}/resolve}. */
    void resolve(Context ctx) {
        SessionRecord s = access.write(ctx, false);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound();
        }
        Notes notes = new Notes(room.store().database());
        if (notes.find(id).isEmpty()) {
            throw Refusal.notFound();
        }
        notes.resolve(id, s.user(), clock.millis());
        ctx.contentType("application/json").result(NoteExport.note(notes.find(id).orElseThrow()).toString());
    }

    /** {@code POST /api/decisions}: approve, reject or needs-fix, by a director. */
    void decide(Context ctx) throws ReviewException {
        SessionRecord s = access.write(ctx, true);
        JsonNode body = body(ctx);
        Shot shot = shot(text(body, "shot"));
        TakeVersion take = TakeChoice.choose(room.store().takes(), shot.fullId(), Optional.of(integer(body, "take")),
                Optional.of(integer(body, "version")));
        Verdict verdict = Verdict.of(text(body, "verdict")).orElseThrow(() -> new ReviewException(
                "verdict is approved, rejected or needs-fix"));
        try {
            PictureLock.read(room.production().root()).refuse(shot.fullId(), "decide on a take of");
        } catch (LockedShotException | LockFileException e) {
            throw new ReviewException(e.getMessage());
        }
        Optional<Long> note = body.hasNonNull("note") ? Optional.of((long) integer(body, "note")) : Optional.empty();
        if (note.isPresent() && new Notes(room.store().database()).find(note.get()).isEmpty()) {
            throw new ReviewException("there is no note " + note.get());
        }
        Optional<String> reason = body.hasNonNull("reason") ? Optional.of(text(body, "reason")) : Optional.empty();
        DecisionRecord d = new Decisions(room.store().database()).decide(take, verdict, s.user(), clock.millis(), reason,
                note);
        ctx.status(201).contentType("application/json").result(Json.decision(d).toString());
    }

    private Shot shot(String id) throws ReviewException {
        return room.production().shots().stream().filter(x -> x.fullId().equals(id)).findFirst()
                .orElseThrow(() -> new ReviewException("there is no shot " + id));
    }

    static JsonNode body(Context ctx) throws ReviewException {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new ReviewException("the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ReviewException("the body is not JSON");
        }
    }

    static String text(JsonNode body, String field) throws ReviewException {
        if (!body.path(field).isTextual()) {
            throw new ReviewException("\"" + field + "\" must be a string");
        }
        return body.get(field).asText();
    }

    static int integer(JsonNode body, String field) throws ReviewException {
        if (!body.path(field).canConvertToInt() || !body.path(field).isIntegralNumber() || body.get(field).asInt() < 0) {
            throw new ReviewException("\"" + field + "\" must be a whole number from 0");
        }
        return body.get(field).asInt();
    }
}
