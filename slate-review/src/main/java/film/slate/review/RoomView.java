package film.slate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.lock.LockFileException;
import film.slate.core.lock.PictureLock;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.Status;
import film.slate.engine.build.TakeState;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Decisions;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Notes;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The overview and the shot page as JSON: states, takes and their versions, notes and decisions. */
final class RoomView {
    static final String HINT = "no take is rendered yet; run 'slate build' in the production folder, then reload";

    private final Room room;
    private final Map<String, Recipe> recipes = new java.util.concurrent.ConcurrentHashMap<>();

    RoomView(Room room) {
        this.room = room;
    }

    /** {@code GET /api/shots}: scenes in order, their shots in edit order, each with its state and counts. */
    ObjectNode shots() {
        Edition edition = room.edition().get();
        Map<String, List<TakeState>> status = room.status().get();
        Map<String, TakeVersion> approvals = decisions().approvals();
        List<NoteRecord> open = notes().list(Optional.empty(), true);
        List<DecisionRecord> history = decisions().history(Optional.empty());
        List<TakeRecord> all = room.store().takes().ofAll();
        Map<String, List<String>> findings = edition.findings();
        ObjectNode root = production(edition.production());
        if (all.isEmpty()) {
            root.put("hint", HINT);
        }
        ArrayNode scenes = root.putArray("scenes");
        for (var plan : edition.production().scenes()) {
            ObjectNode scene = scenes.addObject().put("scene", plan.scene());
            ArrayNode shots = scene.putArray("shots");
            for (Shot shot : plan.shots()) {
                String id = shot.fullId();
                List<TakeRecord> versions = all.stream().filter(t -> t.shot().equals(id)).toList();
                ObjectNode s = shots.addObject().put("shot", id).put("action", shot.action())
                        .put("state", state(id, status.getOrDefault(id, List.of()), approvals, history))
                        .put("takes", versions.stream().map(TakeRecord::take).distinct().count())
                        .put("open_notes", open.stream().filter(n -> n.take().shot().equals(id)).count());
                still(versions, Optional.ofNullable(approvals.get(id))).ifPresentOrElse(h -> s.put("still", h),
                        () -> s.putNull("still"));
                ArrayNode who = s.putArray("characters");
                shot.subjects().forEach(who::add);
                ArrayNode diagnostics = s.putArray("diagnostics");
                findings.getOrDefault(id, List.of()).forEach(diagnostics::add);
            }
        }
        return root;
    }

    /** approved, needs fix (the last verdict asked for one), or the state {@code slate status} gives. */
    private static String state(String shot, List<TakeState> takes, Map<String, TakeVersion> approvals,
            List<DecisionRecord> history) {
        if (approvals.containsKey(shot)) {
            return "approved";
        }
        Optional<DecisionRecord> last = history.stream().filter(d -> d.take().shot().equals(shot)).reduce((a, b) -> b);
        if (last.filter(d -> d.verdict() == Verdict.NEEDS_FIX).isPresent()) {
            return "needs fix";
        }
        return takes.isEmpty() ? "missing" : Status.shotState(takes);
    }

    /** The proxy to show for a shot: its approved version's, else its latest render's. */
    private static Optional<String> still(List<TakeRecord> versions, Optional<TakeVersion> approved) {
        Optional<TakeRecord> chosen = approved.flatMap(a -> versions.stream()
                .filter(t -> t.take() == a.take() && t.version() == a.version()).findFirst());
        return chosen.or(() -> versions.stream().reduce((a, b) -> b.finishedAt() >= a.finishedAt() ? b : a))
                .flatMap(TakeRecord::proxy);
    }

    /** {@code GET /api/shot?id=}: the shot, every take with every version, the recipe summary, notes, decisions. */
    ObjectNode shot(String id) {
        Production production = room.production();
        Shot shot = production.shots().stream().filter(s -> s.fullId().equals(id)).findFirst()
                .orElseThrow(Refusal::notFound);
        VideoFormat f = production.manifest().format();
        ObjectNode root = production(production).put("shot", id).put("action", shot.action()).put("duration", shot.duration())
                .put("frames", f.frames(shot.duration()));
        Optional<TakeVersion> approved = Optional.ofNullable(decisions().approvals().get(id));
        List<TakeRecord> versions = room.store().takes().ofShot(id);
        ArrayNode takes = root.putArray("takes");
        for (TakeState t : room.status().get().getOrDefault(id, List.of())) {
            ObjectNode o = takes.addObject().put("take", t.take()).put("state", t.state());
            ArrayNode why = o.putArray("why");
            t.changed().forEach(why::add);
            t.reason().ifPresent(r -> o.put("reason", r));
            ArrayNode vs = o.putArray("versions");
            versions.stream().filter(v -> v.take() == t.take()).forEach(v -> vs.add(version(v, approved)));
            o.set("lineage", Lineage.of(versions.stream().filter(v -> v.take() == t.take()).toList(), this::recipe));
        }
        root.put("plan", ScenePlans.route(shot.scene()));
        lock(production, id, root);
        versions.stream().reduce((a, b) -> b).flatMap(v -> recipe(v.recipe()))
                .ifPresent(r -> root.set("recipe", recipe(r)));
        ArrayNode notes = root.putArray("notes");
        notes().list(Optional.of(id), false).forEach(n -> notes.add(NoteExport.note(n)));
        root.set("decisions", Json.decisions(decisions().history(Optional.of(id))).get("decisions"));
        return root;
    }

    /** {@code "locked": {"take","version","by","reason"}} when the shot is under picture lock. */
    private static void lock(Production production, String id, ObjectNode root) {
        try {
            PictureLock.read(production.root()).shot(id).ifPresent(l -> root.putObject("locked")
                    .put("take", l.take()).put("version", l.version()).put("by", l.by()).put("reason", l.reason().orElse(null)));
        } catch (LockFileException e) {
            root.put("lock_error", e.getMessage());
        }
    }

    private static ObjectNode version(TakeRecord v, Optional<TakeVersion> approved) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("version", v.version()).put("recipe", v.recipe())
                .put("backend", v.backend()).put("rendered_at", java.time.Instant.ofEpochMilli(v.finishedAt()).toString())
                .put("approved", approved.equals(Optional.of(new TakeVersion(v.shot(), v.take(), v.version()))));
        o.put("proxy", v.proxy().orElse(null)).put("master", v.master().orElse(null));
        return o;
    }

    private static ObjectNode recipe(Recipe r) {
        return Json.MAPPER.createObjectNode().put("id", r.id()).put("backend", r.backend()).put("prompt", r.prompt())
                .put("seed", r.seed()).put("frames", r.frames());
    }

    private static ObjectNode production(Production production) {
        VideoFormat f = production.manifest().format();
        ObjectNode root = Json.MAPPER.createObjectNode().put("title", production.manifest().title());
        root.putObject("format").put("fps_num", f.fps()).put("fps_den", 1).put("width", f.width()).put("height", f.height());
        return root;
    }

    /** A stored recipe by id, parsed once: a recipe never changes under its id. */
    private Optional<Recipe> recipe(String id) {
        Recipe known = recipes.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Recipe> read = room.store().recipes().get(id);
        read.ifPresent(r -> recipes.put(id, r));
        return read;
    }

    private Notes notes() {
        return new Notes(room.store().database());
    }

    private Decisions decisions() {
        return new Decisions(room.store().database());
    }
}
