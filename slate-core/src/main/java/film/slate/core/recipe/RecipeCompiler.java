package film.slate.core.recipe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Blocking;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Location;
import film.slate.core.model.Move;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.Prop;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import film.slate.core.model.VideoFormat;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.ScriptScene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the shots of a production into recipes, one per take. What a recipe holds is what the
 * picture depends on, and nothing else: the subjects' looks (description, wardrobe text, held
 * props) are in it, so editing Mara's coat changes exactly the recipes of the shots that see Mara
 * in that coat; the whole cast's staging (marks, heights, stand-in colours) is in it because
 * previz draws everyone on the set.
 */
public final class RecipeCompiler {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Production production;
    private final Continuity continuity;
    private final FileHashes files;

    public RecipeCompiler(Production production) {
        this(production, new FileHashes(production.root()));
    }

    public RecipeCompiler(Production production, FileHashes files) {
        this.production = production;
        this.continuity = Continuity.of(production);
        this.files = files;
    }

    public Production production() {
        return production;
    }

    /** Every take of every shot, in edit order; {@code takes} overrides each shot's own count when present. */
    public List<Recipe> compileAll(Target target, Optional<Integer> takes) {
        List<Recipe> out = new ArrayList<>();
        for (Shot shot : production.shots()) {
            out.addAll(compile(shot, target, takes));
        }
        return out;
    }

    /** The takes of one shot: 1 to {@code takes} (or the shot's {@code takes:}). */
    public List<Recipe> compile(Shot shot, Target target, Optional<Integer> takes) {
        int n = takes.orElse(Math.max(1, shot.takes()));
        List<Recipe> out = new ArrayList<>(n);
        for (int take = 1; take <= n; take++) {
            out.add(compile(shot, take, target));
        }
        return out;
    }

    /** One take of one shot. */
    public Recipe compile(Shot shot, int take, Target target) {
        List<Recipe> inputs = target.conditionsOn().map(t -> List.of(compile(shot, take, t))).orElse(List.of());
        ShotState state = continuity.shot(shot.fullId())
                .orElseThrow(() -> new IllegalArgumentException("no shot " + shot.fullId() + " in this production"));
        ScenePlan scene = production.scene(shot.scene())
                .orElseThrow(() -> new IllegalArgumentException("no scene " + shot.scene()));
        String productionId = production.manifest().id();
        long seed = Seeds.of(productionId, shot.fullId(), take, shot.seed());

        ObjectNode r = NODES.objectNode();
        r.put("schema", Recipe.SCHEMA);
        r.put("production", productionId);
        r.put("shot", shot.fullId());
        r.put("take", take);
        if (seed < Seeds.LIMIT && seed > -Seeds.LIMIT) {
            r.put("seed", seed);
        } else {
            r.put("seed", Long.toString(seed)); // beyond what a JSON number holds exactly
        }
        r.put("seed_pinned", take == 1 && shot.seed().isPresent());
        VideoFormat f = production.manifest().format();
        ObjectNode format = r.putObject("format");
        format.put("fps", f.fps());
        format.put("width", f.width());
        format.put("height", f.height());
        format.put("duration", shot.duration());
        format.put("frames", f.frames(shot.duration()));

        List<DialogueBlock> dialogue = dialogue(shot);
        Optional<Location> location = Optional.ofNullable(production.bible().locations().get(scene.location()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("framing", shot.framing().words());
        fields.put("subjects", subjectsText(shot, state));
        fields.put("action", shot.action());
        fields.put("dialogue", dialogueText(dialogue));
        fields.put("location", location.map(l -> l.description().isBlank() ? l.heading() : l.description())
                .orElse(scene.location()));
        fields.put("time", scene.time().toLowerCase(Locale.ROOT));
        fields.put("lens", number(shot.camera().lens()) + "mm lens");
        fields.put("move", moveText(shot.move()));
        fields.put("look", production.bible().style().look());
        r.put("prompt", Prompt.fill(production.bible().style().prompt(), fields));
        r.put("negative", production.bible().style().negative());
        r.put("framing", shot.framing().name());
        r.put("action", shot.action());

        ArrayNode subjects = r.putArray("subjects");
        for (String id : shot.subjects()) {
            subjects.add(subject(id, state.atStart(id)));
        }
        ArrayNode cast = r.putArray("cast");
        for (CharacterState s : state.start().values()) {
            ObjectNode c = cast.addObject();
            c.put("id", s.character());
            Character ch = production.bible().characters().get(s.character());
            if (ch != null) {
                c.put("height", ch.height());
                c.put("color", ch.color());
            }
            c.set("at", point(s.at()));
            c.put("facing", s.facing());
            // Previz draws every prop in every hand, so a hand-off seen in the background re-renders too.
            s.holds().forEach(c.putArray("holds")::add);
            CharacterState end = state.end().get(s.character());
            if (end != null) {
                c.set("end_at", point(end.at()));
                c.put("end_facing", end.facing());
                end.holds().forEach(c.putArray("end_holds")::add);
            }
        }
        // Props resting on the set, where previz draws them before and after this shot's events.
        ObjectNode set = r.putObject("set");
        state.setStart().forEach((prop, at) -> set.set(prop, point(at)));
        ObjectNode setEnd = r.putObject("set_end");
        state.setEnd().forEach((prop, at) -> setEnd.set(prop, point(at)));
        ObjectNode loc = r.putObject("location");
        loc.put("id", scene.location());
        location.ifPresent(l -> {
            loc.put("heading", l.heading());
            loc.put("description", l.description());
            loc.set("size", NODES.arrayNode().add(l.width()).add(l.depth()));
            loc.set("refs", refs(l.refs()));
        });
        loc.put("time", scene.time());

        ObjectNode camera = r.putObject("camera");
        camera.set("at", point(shot.camera().at()));
        camera.put("height", shot.camera().height());
        camera.put("lens", shot.camera().lens());
        camera.set("look_at", aim(shot.camera().lookAt()));
        r.set("move", move(shot.move()));
        ObjectNode blocking = r.putObject("blocking");
        for (Blocking b : shot.blocking().values()) {
            ObjectNode o = blocking.putObject(b.character());
            o.set("to", point(b.to()));
            b.facing().ifPresent(v -> o.put("facing", v));
        }
        ArrayNode events = r.putArray("events");
        for (ShotEvent e : shot.events()) {
            ObjectNode o = events.addObject();
            o.put("character", e.character());
            o.put(e.kind().key(), e.object());
            Prop p = production.bible().props().get(e.object());
            if (p != null) {
                o.put("description", p.description());
            }
        }
        ArrayNode lines = r.putArray("dialogue");
        for (DialogueBlock d : dialogue) {
            lines.addObject().put("character", d.character()).put("text", d.text());
        }

        ObjectNode backend = r.putObject("backend");
        backend.put("name", target.backend().name());
        backend.put("type", target.backend().type());
        backend.put("version", target.version());
        backend.put("config", BackendFingerprint.hash(target.backend().settings()));
        ArrayNode in = r.putArray("inputs");
        for (Recipe i : inputs) {
            in.addObject().put("role", i.json().path("backend").path("type").asText()).put("recipe", i.id());
        }
        return Recipe.of(r, inputs);
    }

    /** The characters a shot sees: its subjects. {@code @MARA} selects the shots where this holds. */
    public static boolean sees(Shot shot, String character) {
        return shot.subjects().contains(character);
    }

    private ObjectNode subject(String id, Optional<CharacterState> state) {
        ObjectNode o = NODES.objectNode();
        o.put("id", id);
        Character ch = production.bible().characters().get(id);
        if (ch != null) {
            o.put("name", ch.name());
            o.put("description", ch.description());
            o.set("refs", refs(ch.refs()));
        }
        state.flatMap(CharacterState::wardrobe).ifPresent(w -> {
            o.put("wardrobe", w);
            if (ch != null && ch.wardrobe().containsKey(w)) {
                o.put("wears", ch.wardrobe().get(w));
            }
        });
        ArrayNode holds = o.putArray("holds");
        state.ifPresent(s -> s.holds().forEach(p -> {
            ObjectNode h = holds.addObject().put("id", p);
            Prop prop = production.bible().props().get(p);
            if (prop != null) {
                h.put("description", prop.description());
                h.set("refs", refs(prop.refs()));
            }
        }));
        return o;
    }

    private String subjectsText(Shot shot, ShotState state) {
        List<String> parts = new ArrayList<>();
        for (String id : shot.subjects()) {
            Character ch = production.bible().characters().get(id);
            Optional<CharacterState> s = state.atStart(id);
            StringBuilder b = new StringBuilder(ch == null ? id : ch.name());
            List<String> details = new ArrayList<>();
            if (ch != null && !ch.description().isBlank()) {
                details.add(ch.description());
            }
            s.flatMap(CharacterState::wardrobe).map(w -> ch == null ? w : ch.wardrobe().getOrDefault(w, w))
                    .ifPresent(w -> details.add("wearing " + w));
            Set<String> held = new LinkedHashSet<>();
            s.ifPresent(st -> st.holds().forEach(p -> {
                Prop prop = production.bible().props().get(p);
                held.add(prop == null ? p.toLowerCase(Locale.ROOT) : prop.description());
            }));
            if (!held.isEmpty()) {
                details.add("holding " + String.join(" and ", held));
            }
            if (!details.isEmpty()) {
                b.append(" (").append(String.join("; ", details)).append(')');
            }
            parts.add(b.toString());
        }
        return String.join(" and ", parts);
    }

    private List<DialogueBlock> dialogue(Shot shot) {
        Optional<ScriptScene> scene = production.screenplay().flatMap(s -> s.scene(shot.scene()));
        List<DialogueBlock> out = new ArrayList<>();
        scene.ifPresent(s -> {
            for (int line : shot.lines()) {
                if (line >= 1 && line <= s.dialogue().size()) {
                    out.add(s.dialogue().get(line - 1));
                }
            }
        });
        return out;
    }

    private String dialogueText(List<DialogueBlock> dialogue) {
        List<String> parts = new ArrayList<>();
        for (DialogueBlock d : dialogue) {
            Character ch = production.bible().characters().get(d.character());
            parts.add((ch == null ? d.character() : ch.name()) + " says \"" + d.text() + "\"");
        }
        return String.join("; ", parts);
    }

    private static String moveText(Move m) {
        return m.type() == MoveType.STATIC ? "static camera" : m.type().name().toLowerCase(Locale.ROOT) + " move";
    }

    private ArrayNode refs(List<FileRef> refs) {
        ArrayNode a = NODES.arrayNode();
        for (FileRef ref : refs) {
            ObjectNode o = a.addObject();
            o.put("path", ref.path());
            Optional<String> hash = files.of(ref.path());
            if (hash.isPresent()) {
                o.put("sha256", hash.get());
            } else {
                o.putNull("sha256");
            }
        }
        return a;
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

    private static ObjectNode move(Move m) {
        ObjectNode o = NODES.objectNode();
        o.put("type", m.type().name().toLowerCase(Locale.ROOT));
        m.to().ifPresent(p -> o.set("to", point(p)));
        m.height().ifPresent(v -> o.put("height", v));
        m.lookAt().ifPresent(a -> o.set("look_at", aim(a)));
        m.degrees().ifPresent(v -> o.put("degrees", v));
        m.amplitude().ifPresent(v -> o.put("amplitude", v));
        return o;
    }

    private static String number(double d) {
        return CanonicalJson.number(d);
    }
}
