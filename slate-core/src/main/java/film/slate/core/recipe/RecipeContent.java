package film.slate.core.recipe;

import film.slate.core.model.Aim;
import film.slate.core.model.Framing;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.ShotEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a recipe says, field by field: everything a take's picture depends on, as immutable
 * values. Its canonical JSON ({@link RecipeJson}) is the file format and the hash input; an
 * optional value is a member that JSON leaves out. Maps are kept in the canonical order (by key),
 * so a recipe read back from its text is equal to, and iterates like, the one compiled.
 */
public record RecipeContent(int schema, String production, String shot, int take, long seed, boolean seedPinned,
        Format format, String prompt, String negative, Framing framing, String action, List<Subject> subjects,
        List<CastMark> cast, Map<String, Point> set, Map<String, Point> setEnd, Place location, CameraSetup camera,
        CameraMove move, Map<String, Mark> blocking, List<Event> events, List<Line> dialogue, BackendRef backend,
        List<Input> inputs, List<Bound> bound) {
    public RecipeContent {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(negative, "negative");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(action, "action");
        subjects = List.copyOf(subjects);
        cast = List.copyOf(cast);
        set = sorted(set);
        setEnd = sorted(setEnd);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(move, "move");
        blocking = sorted(blocking);
        events = List.copyOf(events);
        dialogue = List.copyOf(dialogue);
        Objects.requireNonNull(backend, "backend");
        inputs = List.copyOf(inputs);
        bound = bound.stream().sorted(java.util.Comparator.comparing(Bound::key)).toList();
    }

    /** A recipe that binds no reference by the per-subject keys (its JSON has no {@code bound}). */
    public RecipeContent(int schema, String production, String shot, int take, long seed, boolean seedPinned,
            Format format, String prompt, String negative, Framing framing, String action, List<Subject> subjects,
            List<CastMark> cast, Map<String, Point> set, Map<String, Point> setEnd, Place location, CameraSetup camera,
            CameraMove move, Map<String, Mark> blocking, List<Event> events, List<Line> dialogue, BackendRef backend,
            List<Input> inputs) {
        this(schema, production, shot, take, seed, seedPinned, format, prompt, negative, framing, action, subjects, cast,
                set, setEnd, location, camera, move, blocking, events, dialogue, backend, inputs, List.of());
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** The picture's size and length: {@code frames} at {@code fps} make {@code duration} seconds. */
    public record Format(int fps, int width, int height, double duration, int frames) {
    }

    /** A reference file by its path in the production and its SHA-256 (empty when it could not be read). */
    public record Ref(String path, Optional<String> sha256) {
        public Ref {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** A subject of the shot: who (from the bible, when it knows them), what they wear and hold. */
    public record Subject(String id, Optional<Portrait> bible, Optional<String> wardrobe, Optional<String> wears,
            List<Held> holds) {
        public Subject {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(bible, "bible");
            Objects.requireNonNull(wardrobe, "wardrobe");
            Objects.requireNonNull(wears, "wears");
            holds = List.copyOf(holds);
        }
    }

    /** A character as the bible describes them. */
    public record Portrait(String name, String description, List<Ref> refs) {
        public Portrait {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            refs = List.copyOf(refs);
        }
    }

    /** A prop in a subject's hand, with the bible's description when it knows the prop. */
    public record Held(String id, Optional<PropLook> bible) {
        public Held {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(bible, "bible");
        }
    }

    public record PropLook(String description, List<Ref> refs) {
        public PropLook {
            Objects.requireNonNull(description, "description");
            refs = List.copyOf(refs);
        }
    }

    /**
     * One of the scene's cast as previz stages them: the stand-in (height and colour, when the
     * bible knows the character), the mark, facing and props in hand at the first frame, and at
     * the last frame when the character is still in the scene.
     */
    public record CastMark(String id, Optional<StandIn> standIn, Point at, double facing, List<String> holds,
            Optional<EndMark> end, Stance stance) {
        public CastMark {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(standIn, "standIn");
            Objects.requireNonNull(at, "at");
            holds = List.copyOf(holds);
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(stance, "stance");
        }

        /** One who stands on the floor. */
        public CastMark(String id, Optional<StandIn> standIn, Point at, double facing, List<String> holds,
                Optional<EndMark> end) {
            this(id, standIn, at, facing, holds, end, Stance.STANDING);
        }
    }

    /**
     * A posture and the height of what the character sits, kneels or lies on; the JSON leaves out
     * a standing one, so the recipes of shots where everyone stands keep their ids.
     */
    public record Stance(film.slate.core.model.Posture posture, double seat) {
        public static final Stance STANDING = new Stance(film.slate.core.model.Posture.STAND, 0);

        public Stance {
            Objects.requireNonNull(posture, "posture");
        }
    }

    public record StandIn(double height, String color) {
        public StandIn {
            Objects.requireNonNull(color, "color");
        }
    }

    public record EndMark(Point at, double facing, List<String> holds, Stance stance) {
        public EndMark {
            Objects.requireNonNull(at, "at");
            holds = List.copyOf(holds);
            Objects.requireNonNull(stance, "stance");
        }

        public EndMark(Point at, double facing, List<String> holds) {
            this(at, facing, holds, Stance.STANDING);
        }
    }

    /** The scene's location (with the bible's entry, when it has one) and its time of day. */
    public record Place(String id, Optional<PlaceLook> bible, String time) {
        public Place {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(bible, "bible");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The bible's entry of a location: its words, floor plan, references and the solid pieces of its set. */
    public record PlaceLook(String heading, String description, double width, double depth, List<Ref> refs,
            List<film.slate.core.model.SetPiece> set) {
        public PlaceLook {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(description, "description");
            refs = List.copyOf(refs);
            set = List.copyOf(set);
        }

        public PlaceLook(String heading, String description, double width, double depth, List<Ref> refs) {
            this(heading, description, width, depth, refs, List.of());
        }
    }

    public record CameraSetup(Point at, double height, double lens, Aim lookAt) {
        public CameraSetup {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(lookAt, "lookAt");
        }
    }

    public record CameraMove(MoveType type, Optional<Point> to, OptionalDouble height, Optional<Aim> lookAt,
            OptionalDouble degrees, OptionalDouble amplitude) {
        public CameraMove {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(height, "height");
            Objects.requireNonNull(lookAt, "lookAt");
            Objects.requireNonNull(degrees, "degrees");
            Objects.requireNonNull(amplitude, "amplitude");
        }
    }

    /** Where a character's blocking takes them in this shot. */
    public record Mark(Point to, OptionalDouble facing) {
        public Mark {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(facing, "facing");
        }
    }

    public record Event(String character, ShotEvent.Kind kind, String object, Optional<String> description) {
        public Event {
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(description, "description");
        }
    }

    public record Line(String character, String text) {
        public Line {
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The backend the recipe is for: its name and type in slate.yaml, the generator's version and
     * the hash of its settings as they affect pictures ({@link BackendFingerprint}).
     */
    public record BackendRef(String name, String type, String version, String config) {
        public BackendRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(config, "config");
        }
    }

    /** A recipe whose output this one conditions on, by id, and its role (the input's backend type). */
    public record Input(String role, String recipe) {
        public Input {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(recipe, "recipe");
        }
    }

    /**
     * A reference file bound by a key of the {@code reference.<CHARACTER>} family: the file by hash,
     * or, when the shot has none for the key, a blank (a black image of the format's size) and why.
     */
    public record Bound(String key, Optional<Ref> ref, Optional<String> blank) {
        public Bound {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(blank, "blank");
            if (ref.isPresent() == blank.isPresent()) {
                throw new IllegalArgumentException("a bound key has either a reference or a blank: " + key);
            }
        }

        public static Bound of(String key, Ref ref) {
            return new Bound(key, Optional.of(ref), Optional.empty());
        }

        public static Bound blank(String key, String why) {
            return new Bound(key, Optional.empty(), Optional.of(why));
        }
    }

    /** What a bound key gets, when the recipe binds it. */
    public Optional<Bound> bound(String key) {
        return bound.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /**
     * Every reference file the recipe names: subjects', props' in hand and the location's, and the
     * bound ones; a path named twice once, by its hash when one names it by hash.
     */
    public List<Ref> refs() {
        Map<String, Ref> byPath = new java.util.LinkedHashMap<>();
        for (Ref r : namedRefs()) {
            byPath.merge(r.path(), r, (a, b) -> a.sha256().isPresent() ? a : b);
        }
        return List.copyOf(byPath.values());
    }

    private List<Ref> namedRefs() {
        List<Ref> out = new java.util.ArrayList<>();
        for (Subject s : subjects) {
            s.bible().ifPresent(b -> out.addAll(b.refs()));
            for (Held h : s.holds()) {
                h.bible().ifPresent(b -> out.addAll(b.refs()));
            }
        }
        location.bible().ifPresent(b -> out.addAll(b.refs()));
        bound.forEach(b -> b.ref().ifPresent(out::add));
        return out;
    }
}
