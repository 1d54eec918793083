package film.slate.core.recipe;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Blocking;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Location;
import film.slate.core.model.Move;
import film.slate.core.model.MoveType;
import film.slate.core.model.Camera;
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

        VideoFormat f = production.manifest().format();
        RecipeContent.Format format = new RecipeContent.Format(f.fps(), f.width(), f.height(), shot.duration(),
                f.frames(shot.duration()));

        List<DialogueBlock> dialogue = dialogue(shot);
        Optional<Location> location = Optional.ofNullable(production.bible().locations().get(scene.location()));

        // Only what the backend binds is hashed: a reference it never sees must not re-render it.
        boolean hashed = target.binds().contains(ReferenceKey.FIRST_SUBJECT);
        List<RecipeContent.Subject> subjects = new ArrayList<>();
        for (String id : shot.subjects()) {
            subjects.add(subject(id, state.atStart(id), hashed));
        }
        RecipeContent.Place place = new RecipeContent.Place(scene.location(), location.map(l ->
                new RecipeContent.PlaceLook(l.heading(), l.description(), l.width(), l.depth(), refs(l.refs(), hashed),
                        l.set())),
                scene.time());
        List<RecipeContent.Bound> bound = new ReferenceBinding(production.bible(), files, shot, state, location)
                .bind(target.binds());
        Camera cam = shot.camera();
        Map<String, RecipeContent.Mark> blocking = new LinkedHashMap<>();
        for (Blocking b : shot.blocking().values()) {
            blocking.put(b.character(), new RecipeContent.Mark(b.to(), b.facing()));
        }
        List<RecipeContent.Event> events = new ArrayList<>();
        for (ShotEvent e : shot.events()) {
            Optional<Prop> p = Optional.ofNullable(production.bible().props().get(e.object()));
            events.add(new RecipeContent.Event(e.character(), e.kind(), e.object(), p.map(Prop::description)));
        }
        RecipeContent content = new RecipeContent(Recipe.SCHEMA, productionId, shot.fullId(), take, seed,
                take == 1 && shot.seed().isPresent(), format,
                prompt(shot, state, scene, location, dialogue), production.bible().style().negative(),
                shot.framing(), shot.action(), subjects, cast(state),
                state.setStart(), state.setEnd(), place,
                new RecipeContent.CameraSetup(cam.at(), cam.height(), cam.lens(), cam.lookAt()), move(shot.move()),
                blocking, events,
                dialogue.stream().map(d -> new RecipeContent.Line(d.character(), d.text())).toList(),
                new RecipeContent.BackendRef(target.backend().name(), target.backend().type(), target.version(),
                        BackendFingerprint.hash(target.backend().settings())),
                inputs.stream().map(i -> new RecipeContent.Input(i.content().backend().type(), i.id())).toList(), bound);
        return Recipe.of(content, inputs);
    }

    /** style.yaml's prompt template filled with the shot's words. */
    private String prompt(Shot shot, ShotState state, ScenePlan scene, Optional<Location> location,
            List<DialogueBlock> dialogue) {
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
        return Prompt.fill(production.bible().style().prompt(), fields);
    }

    /** The scene's whole cast as previz stages it: every prop in every hand, so a hand-off seen in the background re-renders too. */
    private List<RecipeContent.CastMark> cast(ShotState state) {
        List<RecipeContent.CastMark> cast = new ArrayList<>();
        for (CharacterState s : state.start().values()) {
            Character ch = production.bible().characters().get(s.character());
            CharacterState end = state.end().get(s.character());
            cast.add(new RecipeContent.CastMark(s.character(),
                    Optional.ofNullable(ch).map(c -> new RecipeContent.StandIn(c.height(), c.color())), s.at(), s.facing(),
                    s.holds(), Optional.ofNullable(end).map(e -> new RecipeContent.EndMark(e.at(), e.facing(), e.holds(),
                            stance(e))), stance(s)));
        }
        return cast;
    }

    private static RecipeContent.Stance stance(CharacterState s) {
        return new RecipeContent.Stance(s.posture(), s.seat());
    }

    /** The characters a shot sees: its subjects. {@code @MARA} selects the shots where this holds. */
    public static boolean sees(Shot shot, String character) {
        return shot.subjects().contains(character);
    }

    private RecipeContent.Subject subject(String id, Optional<CharacterState> state, boolean hashed) {
        Character ch = production.bible().characters().get(id);
        Optional<String> wardrobe = state.flatMap(CharacterState::wardrobe);
        Optional<String> wears = wardrobe.filter(w -> ch != null && ch.wardrobe().containsKey(w))
                .map(w -> ch.wardrobe().get(w));
        List<RecipeContent.Held> holds = new ArrayList<>();
        state.ifPresent(s -> s.holds().forEach(p -> holds.add(new RecipeContent.Held(p,
                Optional.ofNullable(production.bible().props().get(p))
                        .map(prop -> new RecipeContent.PropLook(prop.description(), refs(prop.refs(), hashed)))))));
        return new RecipeContent.Subject(id, Optional.ofNullable(ch)
                .map(c -> new RecipeContent.Portrait(c.name(), c.description(), refs(c.refs(), hashed))), wardrobe, wears,
                holds);
    }

    private String subjectsText(Shot shot, ShotState state) {
        List<String> parts = new ArrayList<>();
        for (String id : shot.subjects()) {
            Character ch = production.bible().characters().get(id);
            Prop subjectProp = production.bible().props().get(id);
            if (ch == null && subjectProp != null) { // an insert of a prop: what it is, never its id
                parts.add(subjectProp.description().isBlank() ? words(id) : subjectProp.description());
                continue;
            }
            Optional<CharacterState> s = state.atStart(id);
            StringBuilder b = new StringBuilder(ch == null ? words(id) : ch.name());
            List<String> details = new ArrayList<>();
            if (ch != null && !ch.description().isBlank()) {
                details.add(ch.description());
            }
            s.flatMap(CharacterState::wardrobe).map(w -> ch == null ? w : ch.wardrobe().getOrDefault(w, w))
                    .ifPresent(w -> details.add("wearing " + w));
            Set<String> held = new LinkedHashSet<>();
            s.ifPresent(st -> st.holds().forEach(p -> {
                Prop prop = production.bible().props().get(p);
                held.add(prop == null || prop.description().isBlank() ? words(p) : prop.description());
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

    /** An id the bible does not describe, as words: {@code OLD_MAN} is "old man". */
    static String words(String id) {
        return id.replace('_', ' ').toLowerCase(Locale.ROOT);
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
            parts.add((ch == null ? words(d.character()) : ch.name()) + " says \"" + d.text() + "\"");
        }
        return String.join("; ", parts);
    }

    private static String moveText(Move m) {
        return m.type() == MoveType.STATIC ? "static camera" : m.type().name().toLowerCase(Locale.ROOT) + " move";
    }

    /** The bible's references by path; by hash too when {@code hashed} (the backend binds {@code reference}). */
    private List<RecipeContent.Ref> refs(List<FileRef> refs, boolean hashed) {
        return refs.stream().map(ref -> new RecipeContent.Ref(ref.path(),
                hashed ? files.of(ref.path()) : Optional.<String>empty())).toList();
    }

    private static RecipeContent.CameraMove move(Move m) {
        return new RecipeContent.CameraMove(m.type(), m.to(), m.height(), m.lookAt(), m.degrees(), m.amplitude());
    }

    private static String number(double d) {
        return CanonicalJson.number(d);
    }
}
