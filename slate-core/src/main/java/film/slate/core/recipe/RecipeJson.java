package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.Aim;
import film.slate.core.model.Framing;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.ShotEvent;
import film.slate.core.recipe.RecipeContent.BackendRef;
import film.slate.core.recipe.RecipeContent.CameraMove;
import film.slate.core.recipe.RecipeContent.CameraSetup;
import film.slate.core.recipe.RecipeContent.CastMark;
import film.slate.core.recipe.RecipeContent.EndMark;
import film.slate.core.recipe.RecipeContent.Event;
import film.slate.core.recipe.RecipeContent.Format;
import film.slate.core.recipe.RecipeContent.Held;
import film.slate.core.recipe.RecipeContent.Input;
import film.slate.core.recipe.RecipeContent.Line;
import film.slate.core.recipe.RecipeContent.Mark;
import film.slate.core.recipe.RecipeContent.Place;
import film.slate.core.recipe.RecipeContent.PlaceLook;
import film.slate.core.recipe.RecipeContent.Portrait;
import film.slate.core.recipe.RecipeContent.PropLook;
import film.slate.core.recipe.RecipeContent.Ref;
import film.slate.core.recipe.RecipeContent.StandIn;
import film.slate.core.recipe.RecipeContent.Subject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A recipe's JSON, both ways. The tree is Jackson's, private to this class: it is written from a
 * {@link RecipeContent} only to be canonicalised, and read only to make one. The members and
 * their presence are exactly those of FORMAT.md's recipe (an absent optional is a missing member).
 */
final class RecipeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecipeJson() {
    }

    static ObjectNode tree(RecipeContent c) {
        ObjectNode r = NODES.objectNode();
        r.put("schema", c.schema());
        r.put("production", c.production());
        r.put("shot", c.shot());
        r.put("take", c.take());
        if (c.seed() < Seeds.LIMIT && c.seed() > -Seeds.LIMIT) {
            r.put("seed", c.seed());
        } else {
            r.put("seed", Long.toString(c.seed())); // beyond what a JSON number holds exactly
        }
        r.put("seed_pinned", c.seedPinned());
        Format f = c.format();
        r.putObject("format").put("fps", f.fps()).put("width", f.width()).put("height", f.height())
                .put("duration", f.duration()).put("frames", f.frames());
        r.put("prompt", c.prompt());
        r.put("negative", c.negative());
        r.put("framing", c.framing().name());
        r.put("action", c.action());
        ArrayNode subjects = r.putArray("subjects");
        c.subjects().forEach(s -> subjects.add(subject(s)));
        ArrayNode cast = r.putArray("cast");
        c.cast().forEach(m -> cast.add(castMark(m)));
        ObjectNode set = r.putObject("set");
        c.set().forEach((prop, at) -> set.set(prop, point(at)));
        ObjectNode setEnd = r.putObject("set_end");
        c.setEnd().forEach((prop, at) -> setEnd.set(prop, point(at)));
        r.set("location", place(c.location()));
        CameraSetup cam = c.camera();
        ObjectNode camera = r.putObject("camera");
        camera.set("at", point(cam.at()));
        camera.put("height", cam.height());
        camera.put("lens", cam.lens());
        camera.set("look_at", aim(cam.lookAt()));
        r.set("move", move(c.move()));
        ObjectNode blocking = r.putObject("blocking");
        c.blocking().forEach((who, m) -> {
            ObjectNode o = blocking.putObject(who);
            o.set("to", point(m.to()));
            m.facing().ifPresent(v -> o.put("facing", v));
        });
        ArrayNode events = r.putArray("events");
        for (Event e : c.events()) {
            ObjectNode o = events.addObject().put("character", e.character()).put(e.kind().key(), e.object());
            e.description().ifPresent(d -> o.put("description", d));
        }
        ArrayNode lines = r.putArray("dialogue");
        c.dialogue().forEach(d -> lines.addObject().put("character", d.character()).put("text", d.text()));
        BackendRef b = c.backend();
        r.putObject("backend").put("name", b.name()).put("type", b.type()).put("version", b.version())
                .put("config", b.config());
        ArrayNode in = r.putArray("inputs");
        c.inputs().forEach(i -> in.addObject().put("role", i.role()).put("recipe", i.recipe()));
        if (!c.bound().isEmpty()) { // absent when nothing is bound, so the recipes of before keep their ids
            r.set("bound", bound(c.bound()));
        }
        return r;
    }

    private static ArrayNode bound(List<RecipeContent.Bound> bound) {
        ArrayNode a = NODES.arrayNode();
        for (RecipeContent.Bound each : bound) {
            ObjectNode o = a.addObject().put("key", each.key());
            each.ref().ifPresent(ref -> ref(o, ref));
            each.blank().ifPresent(why -> o.put("blank", why));
        }
        return a;
    }

    private static ObjectNode subject(Subject s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        s.bible().ifPresent(p -> {
            o.put("name", p.name());
            o.put("description", p.description());
            o.set("refs", refs(p.refs()));
        });
        s.wardrobe().ifPresent(w -> o.put("wardrobe", w));
        s.wears().ifPresent(w -> o.put("wears", w));
        ArrayNode holds = o.putArray("holds");
        for (Held h : s.holds()) {
            ObjectNode held = holds.addObject().put("id", h.id());
            h.bible().ifPresent(p -> {
                held.put("description", p.description());
                held.set("refs", refs(p.refs()));
            });
        }
        return o;
    }

    private static ObjectNode castMark(CastMark m) {
        ObjectNode c = NODES.objectNode();
        c.put("id", m.id());
        m.standIn().ifPresent(s -> c.put("height", s.height()).put("color", s.color()));
        c.set("at", point(m.at()));
        c.put("facing", m.facing());
        m.holds().forEach(c.putArray("holds")::add);
        stance(c, "", m.stance());
        m.end().ifPresent(e -> {
            c.set("end_at", point(e.at()));
            c.put("end_facing", e.facing());
            e.holds().forEach(c.putArray("end_holds")::add);
            stance(c, "end_", e.stance());
        });
        return c;
    }

    /** {@code posture} and {@code seat} (with {@code prefix}), left out for one standing on the floor. */
    private static void stance(ObjectNode o, String prefix, RecipeContent.Stance s) {
        if (s.posture() != film.slate.core.model.Posture.STAND) {
            o.put(prefix + "posture", s.posture().key());
        }
        if (s.seat() != 0) {
            o.put(prefix + "seat", s.seat());
        }
    }

    private static RecipeContent.Stance readStance(RecipeMember c, String prefix) {
        if (!c.has(prefix + "posture") && !c.has(prefix + "seat")) {
            return RecipeContent.Stance.STANDING;
        }
        var posture = c.has(prefix + "posture") ? film.slate.core.model.Posture.ofKey(c.text(prefix + "posture"))
                .orElseThrow(() -> c.at(prefix + "posture").wrong("a posture (stand, sit, kneel, lie)"))
                : film.slate.core.model.Posture.STAND;
        return new RecipeContent.Stance(posture, c.optionalNumber(prefix + "seat").orElse(0));
    }

    private static ArrayNode setPieces(List<film.slate.core.model.SetPiece> set) {
        ArrayNode a = NODES.arrayNode();
        for (var piece : set) {
            a.addObject().put("id", piece.id()).<ObjectNode>set("at", point(piece.at()))
                    .<ObjectNode>set("size", NODES.arrayNode().add(piece.width()).add(piece.depth()))
                    .put("height", piece.height()).put("facing", piece.facing());
        }
        return a;
    }

    private static film.slate.core.model.SetPiece readSetPiece(RecipeMember s) {
        RecipeMember size = s.at("size");
        return new film.slate.core.model.SetPiece(s.text("id"), s.at("at").point(), size.at(0).number(), size.at(1).number(),
                s.number("height"), s.number("facing"));
    }

    private static ObjectNode place(Place p) {
        ObjectNode loc = NODES.objectNode();
        loc.put("id", p.id());
        p.bible().ifPresent(l -> {
            loc.put("heading", l.heading());
            loc.put("description", l.description());
            loc.set("size", NODES.arrayNode().add(l.width()).add(l.depth()));
            loc.set("refs", refs(l.refs()));
            if (!l.set().isEmpty()) { // absent for a bare set, so the recipes of before keep their ids
                loc.set("set", setPieces(l.set()));
            }
        });
        loc.put("time", p.time());
        return loc;
    }

    private static ArrayNode refs(List<Ref> refs) {
        ArrayNode a = NODES.arrayNode();
        for (Ref ref : refs) {
            ref(a.addObject(), ref);
        }
        return a;
    }

    private static void ref(ObjectNode o, Ref ref) {
        o.put("path", ref.path());
        if (ref.sha256().isPresent()) {
            o.put("sha256", ref.sha256().get());
        } else {
            o.putNull("sha256");
        }
    }

    private static ArrayNode point(Point p) {
        return NODES.arrayNode().add(p.x()).add(p.y());
    }

    private static ObjectNode aim(Aim aim) {
        ObjectNode o = NODES.objectNode();
        aim.character().ifPresent(c -> o.put("character", c));
        aim.point().ifPresent(p -> o.set("point", point(p)));
        aim.z().ifPresent(z -> o.put("z", z));
        return o;
    }

    private static ObjectNode move(CameraMove m) {
        ObjectNode o = NODES.objectNode();
        o.put("type", m.type().name().toLowerCase(Locale.ROOT));
        m.to().ifPresent(p -> o.set("to", point(p)));
        m.height().ifPresent(v -> o.put("height", v));
        m.lookAt().ifPresent(a -> o.set("look_at", aim(a)));
        m.degrees().ifPresent(v -> o.put("degrees", v));
        m.amplitude().ifPresent(v -> o.put("amplitude", v));
        return o;
    }

    /**
     * The content of a recipe tree.
     *
     * @throws IllegalArgumentException naming the first member that is missing or of the wrong kind
     */
    static RecipeContent read(JsonNode r) {
        RecipeMember n = new RecipeMember(r, "");
        RecipeMember f = n.at("format");
        return new RecipeContent(n.integer("schema"), n.text("production"), n.text("shot"), n.integer("take"),
                seed(n.at("seed")), n.bool("seed_pinned"),
                new Format(f.integer("fps"), f.integer("width"), f.integer("height"), f.number("duration"),
                        f.integer("frames")),
                n.text("prompt"), n.text("negative"), framing(n.at("framing")), n.text("action"),
                n.at("subjects").list(RecipeJson::readSubject), n.at("cast").list(RecipeJson::readCastMark),
                n.at("set").map(RecipeMember::point), n.at("set_end").map(RecipeMember::point), readPlace(n.at("location")),
                readCamera(n.at("camera")), readMove(n.at("move")),
                n.at("blocking").map(b -> new Mark(b.at("to").point(), b.optionalNumber("facing"))),
                n.at("events").list(RecipeJson::readEvent),
                n.at("dialogue").list(d -> new Line(d.text("character"), d.text("text"))),
                readBackend(n.at("backend")),
                n.at("inputs").list(i -> new Input(i.text("role"), i.text("recipe"))),
                n.has("bound") ? n.at("bound").list(RecipeJson::readBound) : List.of());
    }

    private static RecipeContent.Bound readBound(RecipeMember b) {
        return b.has("blank") ? RecipeContent.Bound.blank(b.text("key"), b.text("blank"))
                : RecipeContent.Bound.of(b.text("key"), readRef(b));
    }

    private static long seed(RecipeMember n) {
        if (n.node().isTextual()) {
            try {
                return Long.parseLong(n.node().textValue());
            } catch (NumberFormatException e) {
                throw n.wrong("a whole number");
            }
        }
        if (!n.node().isNumber() || n.node().doubleValue() != Math.rint(n.node().doubleValue())) {
            throw n.wrong("a whole number");
        }
        return n.node().longValue();
    }

    private static Framing framing(RecipeMember n) {
        String s = n.text();
        try {
            return Framing.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw n.wrong("a framing (" + java.util.Arrays.toString(Framing.values()) + ")");
        }
    }

    private static Subject readSubject(RecipeMember s) {
        Optional<Portrait> bible = s.has("name")
                ? Optional.of(new Portrait(s.text("name"), s.text("description"), s.at("refs").list(RecipeJson::readRef)))
                : Optional.empty();
        return new Subject(s.text("id"), bible, s.optionalText("wardrobe"), s.optionalText("wears"),
                s.at("holds").list(h -> new Held(h.text("id"), h.has("description")
                        ? Optional.of(new PropLook(h.text("description"), h.at("refs").list(RecipeJson::readRef)))
                        : Optional.empty())));
    }

    private static Ref readRef(RecipeMember r) {
        RecipeMember sha = r.at("sha256");
        return new Ref(r.text("path"), sha.node().isNull() ? Optional.empty() : Optional.of(sha.text()));
    }

    private static CastMark readCastMark(RecipeMember c) {
        Optional<StandIn> standIn = c.has("height")
                ? Optional.of(new StandIn(c.number("height"), c.text("color"))) : Optional.empty();
        Optional<EndMark> end = c.has("end_at")
                ? Optional.of(new EndMark(c.at("end_at").point(), c.number("end_facing"),
                        c.at("end_holds").list(RecipeMember::text), readStance(c, "end_")))
                : Optional.empty();
        return new CastMark(c.text("id"), standIn, c.at("at").point(), c.number("facing"), c.at("holds").list(RecipeMember::text),
                end, readStance(c, ""));
    }

    private static Place readPlace(RecipeMember l) {
        Optional<PlaceLook> bible = Optional.empty();
        if (l.has("heading")) {
            RecipeMember size = l.at("size");
            bible = Optional.of(new PlaceLook(l.text("heading"), l.text("description"), size.at(0).number(),
                    size.at(1).number(), l.at("refs").list(RecipeJson::readRef),
                    l.has("set") ? l.at("set").list(RecipeJson::readSetPiece) : List.of()));
        }
        return new Place(l.text("id"), bible, l.text("time"));
    }

    private static CameraSetup readCamera(RecipeMember c) {
        return new CameraSetup(c.at("at").point(), c.number("height"), c.number("lens"), readAim(c.at("look_at")));
    }

    private static Aim readAim(RecipeMember a) {
        try {
            return new Aim(a.optionalText("character"), a.has("point") ? Optional.of(a.at("point").point())
                    : Optional.empty(), a.optionalNumber("z"));
        } catch (IllegalArgumentException e) {
            throw a.wrong("an aim with a character or a point");
        }
    }

    private static CameraMove readMove(RecipeMember m) {
        MoveType type = MoveType.parse(m.text("type")).orElseThrow(() -> m.at("type").wrong("a camera move"));
        return new CameraMove(type, m.has("to") ? Optional.of(m.at("to").point()) : Optional.empty(),
                m.optionalNumber("height"), m.has("look_at") ? Optional.of(readAim(m.at("look_at"))) : Optional.empty(),
                m.optionalNumber("degrees"), m.optionalNumber("amplitude"));
    }

    private static Event readEvent(RecipeMember e) {
        for (ShotEvent.Kind k : ShotEvent.Kind.values()) {
            if (e.has(k.key())) {
                return new Event(e.text("character"), k, e.text(k.key()), e.optionalText("description"));
            }
        }
        throw e.wrong("an event (picks_up, puts_down, uses or wears)");
    }

    private static BackendRef readBackend(RecipeMember b) {
        return new BackendRef(b.text("name"), b.text("type"), b.text("version"), b.text("config"));
    }
}
