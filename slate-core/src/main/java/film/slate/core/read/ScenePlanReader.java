package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Aim;
import film.slate.core.model.Axis;
import film.slate.core.model.Blocking;
import film.slate.core.model.Camera;
import film.slate.core.model.CastMember;
import film.slate.core.model.Framing;
import film.slate.core.model.Location;
import film.slate.core.model.Move;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Posture;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One {@code shots/NNN.yaml} into a {@link ScenePlan}. */
final class ScenePlanReader {
    /** Longest shot Slate accepts: ten minutes is a oner, longer is a typo. */
    static final double MAX_DURATION = 600;
    static final int MAX_TAKES = 100;
    /** {@code at: off}: a cast member who is off set until they enter. */
    static final String OFF = "off";
    private static final java.util.regex.Pattern SCENE_NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,15}");
    private static final java.util.regex.Pattern SHOT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final String file;
    private final Diagnostics d;
    private final Map<String, Location> locations;
    private Optional<Location> location = Optional.empty();

    /** {@code locations}: the bible's, whose set pieces a mark may name. */
    ScenePlanReader(String file, Diagnostics d, Map<String, Location> locations) {
        this.file = file;
        this.d = d;
        this.locations = locations;
    }

    Optional<ScenePlan> read(YamlNode root) {
        Optional<Fields> of = Fields.of(root, file, d);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<String> scene = f.requiredText("scene").map(String::strip).filter(n -> {
            if (SCENE_NUMBER.matcher(n).matches()) {
                return true;
            }
            f.invalid("scene", "is '" + (n.length() > 40 ? n.substring(0, 37) + "..." : n) + "'; a scene number is 1 to"
                    + " 16 letters, digits, '.' or '-' as the screenplay numbers it (1, 12A, I-1-A)");
            return false;
        });
        boolean continues = f.flag("continues").orElse(false);
        String location = f.requiredText("location").orElse("");
        this.location = Optional.ofNullable(locations.get(location));
        String time = f.text("time").map(t -> t.strip().toUpperCase(Locale.ROOT)).orElse("");
        Optional<Axis> axis = axis(f);
        Map<String, CastMember> cast = cast(f);
        List<Shot> shots = new ArrayList<>();
        String sceneId = scene.orElse("?");
        f.node("shots").ifPresent(n -> {
            if (!(n instanceof YamlSequence seq)) {
                f.wrongType(n, "'shots' of " + file, "a list of shots, each starting with '- id:'");
                return;
            }
            for (YamlNode item : seq.items()) {
                Fields.of(item, "a shot of " + file, d).flatMap(sf -> shot(sceneId, sf)).ifPresent(shots::add);
            }
        });
        f.finish();
        return scene.map(s -> new ScenePlan(file, s, continues, location, time, axis, cast, shots,
                Values.positions(f.mapping())));
    }

    private Optional<Axis> axis(Fields f) {
        Optional<YamlNode> n = f.node("axis");
        if (n.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = n.get();
        if (node instanceof YamlSequence seq && seq.items().size() == 2
                && seq.items().stream().allMatch(i -> i instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING)) {
            return Optional.of(new Axis.Between(((YamlScalar) seq.items().get(0)).text().strip(),
                    ((YamlScalar) seq.items().get(1)).text().strip(), Positions.of(node.position())));
        }
        if (node instanceof YamlMapping) {
            Optional<Fields> af = Fields.of(node, "'axis' of " + file, d);
            if (af.isPresent()) {
                Optional<Values.Point3> from = Values.requiredPoint(af.get(), "from");
                Optional<Values.Point3> to = Values.requiredPoint(af.get(), "to");
                af.get().finish();
                if (from.isPresent() && to.isPresent()) {
                    if (from.get().point().distance(to.get().point()) < 1e-6) {
                        af.get().invalid("to", "is the same point as 'from'; an action line needs two distinct points");
                        return Optional.empty();
                    }
                    return Optional.of(new Axis.Line(from.get().point(), to.get().point(), Values.positions(af.get().mapping())));
                }
            }
            return Optional.empty();
        }
        f.wrongType(node, "'axis' of " + file, "two character ids [A, B] or {from: [x, y], to: [x, y]}");
        return Optional.empty();
    }

    private Map<String, CastMember> cast(Fields f) {
        Map<String, CastMember> out = new LinkedHashMap<>();
        f.node("cast").flatMap(n -> Values.idMapping(n, "'cast' of " + file, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                Fields.of(e.value(), e.key() + " in the cast of " + file, d).ifPresent(cf -> {
                    Optional<String> wardrobe = cf.text("wardrobe");
                    boolean off = cf.node("at").filter(n -> n instanceof YamlScalar s && OFF.equals(s.text().strip())).isPresent();
                    Optional<Point> at = off ? Optional.of(Point.ORIGIN) : place(cf, "at");
                    if (!cf.has("at")) {
                        cf.missing("at", "a point [x, y], a set piece's name, or 'off' (enters later)");
                    }
                    Optional<String> toward = Values.toward(cf, "facing"); // a name: turned to a bearing after reading
                    double facing = toward.isPresent() ? 0 : Values.bearing(cf, "facing").orElse(0);
                    List<String> holds = cf.textList("holds");
                    Posture posture = posture(cf).orElse(Posture.STAND);
                    cf.finish();
                    at.ifPresent(p -> out.put(e.key(), new CastMember(e.key(), wardrobe, p, facing, holds,
                            Values.positions(cf.mapping()), toward, posture, off)));
                });
            }
        });
        return out;
    }

    private Optional<Shot> shot(String scene, Fields f) {
        Optional<String> id = f.requiredText("id").map(String::strip).filter(i -> {
            if (SHOT_ID.matcher(i).matches()) {
                return true;
            }
            f.invalid("id", "is '" + (i.length() > 40 ? i.substring(0, 37) + "..." : i) + "'; a shot id is 1 to 32 letters,"
                    + " digits, '.', '_' or '-' (e.g. 1A), since selectors, file names and recipes use it");
            return false;
        });
        String label = id.map(i -> "shot " + scene + "/" + i).orElse("a shot of " + file);
        Fields sf = f.named(label);
        Optional<Framing> framing = sf.requiredText("framing").flatMap(t -> {
            Optional<Framing> fr = Framing.parse(t);
            if (fr.isEmpty()) {
                sf.invalid("framing", "is '" + t + "'; use one of EWS WS FS MS MCU CU ECU INSERT");
            }
            return fr;
        });
        List<String> subjects = sf.textList("subjects").stream().map(String::strip).toList();
        Optional<Camera> camera = sf.node("camera").flatMap(n -> Fields.of(n, "the camera of " + label, d))
                .flatMap(this::camera);
        if (!sf.has("camera")) {
            sf.missing("camera", "{ at: [x, y], lens: 35, look_at: ... }");
        }
        Move move = sf.node("move").flatMap(n -> Fields.of(n, "the move of " + label, d)).flatMap(this::move)
                .orElse(Move.still(Positions.of(sf.at("move"))));
        OptionalDouble duration = sf.requiredNumber("duration", 0, MAX_DURATION);
        if (duration.isPresent() && duration.getAsDouble() <= 0) {
            sf.invalid("duration", "is 0; a shot lasts more than 0 seconds");
            duration = OptionalDouble.empty();
        }
        String action = sf.text("action").orElse("");
        List<Integer> lines = new ArrayList<>();
        sf.node("lines").ifPresent(n -> {
            for (YamlNode item : Fields.items(n)) {
                sf.asNumber(item, "'lines' of " + label, 1, 10_000).ifPresent(v -> {
                    if (v != Math.rint(v)) {
                        sf.wrongType(item, "'lines' of " + label, "a whole dialogue block number");
                    } else {
                        lines.add((int) v);
                    }
                });
            }
        });
        Map<String, Blocking> blocking = blocking(sf, label);
        List<ShotEvent> events = events(sf, label);
        int takes = (int) sf.number("takes", 1, MAX_TAKES).orElse(1);
        OptionalDouble seed = sf.number("seed", 0, 9_007_199_254_740_991d);
        boolean crosses = sf.flag("crosses_line").orElse(false);
        sf.finish();
        if (id.isEmpty() || framing.isEmpty() || camera.isEmpty() || duration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Shot(scene, id.get(), framing.get(), subjects, camera.get(), move, duration.getAsDouble(),
                action, lines, blocking, events, takes,
                seed.isPresent() ? OptionalLong.of((long) seed.getAsDouble()) : OptionalLong.empty(), crosses,
                Values.positions(sf.mapping())));
    }

    private Optional<Camera> camera(Fields f) {
        if (CameraIntentReader.written(f)) { // placed after reading, by film.slate.core.plan.CameraIntents
            return CameraIntentReader.read(f);
        }
        Optional<Values.Point3> at = Values.requiredPoint(f, "at");
        OptionalDouble height = f.number("height", -100, 1000);
        OptionalDouble lens = f.requiredNumber("lens", 0.1, 10_000);
        Optional<Aim> lookAt = Values.aim(f, "look_at");
        if (lookAt.isEmpty() && !f.has("look_at")) {
            f.missing("look_at", "a character id or a point [x, y]");
        }
        f.finish();
        if (at.isEmpty() || lens.isEmpty() || lookAt.isEmpty()) {
            return Optional.empty();
        }
        double h = height.isPresent() ? height.getAsDouble() : at.get().z().orElse(Camera.DEFAULT_HEIGHT);
        return Optional.of(new Camera(at.get().point(), h, lens.getAsDouble(), lookAt.get(), Values.positions(f.mapping())));
    }

    private Optional<Move> move(Fields f) {
        Optional<MoveType> type = f.requiredText("type").flatMap(t -> {
            Optional<MoveType> mt = MoveType.parse(t);
            if (mt.isEmpty()) {
                f.invalid("type", "is '" + t + "'; use one of static pan tilt dolly truck crane orbit handheld");
            }
            return mt;
        });
        Optional<Point> to = Values.point(f, "to").map(Values.Point3::point);
        OptionalDouble height = f.number("height", -100, 1000);
        Optional<Aim> lookAt = Values.aim(f, "look_at");
        OptionalDouble degrees = f.number("degrees", -3600, 3600);
        OptionalDouble amplitude = f.number("amplitude", 0, 1);
        type.ifPresent(t -> {
            switch (t) {
                case DOLLY, TRUCK -> {
                    if (to.isEmpty() && !f.has("to")) {
                        f.missing("to", "the point [x, y] the camera travels to");
                    }
                }
                case CRANE -> {
                    if (to.isEmpty() && height.isEmpty() && !f.has("to") && !f.has("height")) {
                        f.missing("height", "the height the crane ends at (and 'to' if it also travels)");
                    }
                }
                case PAN, TILT -> {
                    if (lookAt.isEmpty() && degrees.isEmpty() && !f.has("look_at") && !f.has("degrees")) {
                        f.missing("degrees", "how far it turns (or 'look_at' for where it ends)");
                    }
                }
                case ORBIT -> {
                    if (degrees.isEmpty() && !f.has("degrees")) {
                        f.missing("degrees", "how far the camera circles its aim");
                    }
                }
                default -> {
                }
            }
        });
        f.finish();
        return type.map(t -> new Move(t, to, height, lookAt, degrees, amplitude, Values.positions(f.mapping())));
    }

    private Map<String, Blocking> blocking(Fields f, String label) {
        Map<String, Blocking> out = new LinkedHashMap<>();
        f.node("blocking").flatMap(n -> Values.idMapping(n, "'blocking' of " + label, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                Fields.of(e.value(), "the blocking of " + e.key() + " in " + label, d).ifPresent(bf -> {
                    Optional<Point> enters = place(bf, "enters");
                    Optional<Point> exits = place(bf, "exits");
                    Optional<Point> to = place(bf, "to");
                    if (exits.isPresent() && bf.has("to")) {
                        bf.invalid("exits", "is where the walk ends and they leave, so 'to' says it twice; keep one of them");
                    } else if (!bf.has("to") && !bf.has("exits") && !bf.has("enters")) {
                        bf.missing("to", "the point [x, y] (or set piece) the character ends on");
                    }
                    Optional<String> toward = Values.toward(bf, "facing");
                    OptionalDouble facing = toward.isPresent() ? OptionalDouble.empty() : Values.bearing(bf, "facing");
                    Optional<Posture> posture = posture(bf);
                    bf.finish();
                    to.or(() -> exits).or(() -> enters).ifPresent(p -> out.put(e.key(), new Blocking(e.key(), p, facing,
                            Values.positions(bf.mapping()), toward, posture, enters, exits.isPresent())));
                });
            }
        });
        return out;
    }

    /** {@code posture:}, one of stand, sit, kneel, lie. */
    private static Optional<Posture> posture(Fields f) {
        return f.text("posture").flatMap(t -> {
            Optional<Posture> p = Posture.ofKey(t);
            if (p.isEmpty()) {
                f.invalid("posture", "is '" + t + "'; use one of stand, sit, kneel, lie");
            }
            return p;
        });
    }

    /** A point {@code [x, y]}, or the name of a set piece of the scene's location (its centre). */
    private Optional<Point> place(Fields f, String key) {
        Optional<YamlNode> n = f.node(key);
        if (n.isPresent() && n.get() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
            String name = s.text().strip();
            Optional<SetPiece> piece = location.flatMap(l -> l.piece(name));
            if (piece.isEmpty()) {
                List<String> known = location.map(l -> l.set().stream().map(SetPiece::id).toList()).orElse(List.of());
                f.invalid(key, "names '" + name + "', which is no set piece of " + location.map(Location::id)
                        .orElse("the scene's location") + (known.isEmpty() ? " (its set has none)" : " (its set has "
                        + String.join(", ", known) + ")") + "; give a point [x, y] or a piece under 'set:' in "
                        + BibleReader.LOCATIONS);
            }
            return piece.map(SetPiece::at);
        }
        return n.flatMap(v -> Values.point(f, v, "'" + key + "' of " + f.what())).map(Values.Point3::point);
    }

    private List<ShotEvent> events(Fields f, String label) {
        List<ShotEvent> out = new ArrayList<>();
        f.node("events").ifPresent(n -> {
            for (YamlNode item : Fields.items(n)) {
                Fields.of(item, "an event of " + label, d).ifPresent(ef -> {
                    Optional<String> character = ef.requiredText("character").map(String::strip);
                    List<ShotEvent.Kind> kinds = new ArrayList<>();
                    Optional<String> object = Optional.empty();
                    for (ShotEvent.Kind k : ShotEvent.Kind.values()) {
                        Optional<String> o = ef.text(k.key());
                        if (o.isPresent()) {
                            kinds.add(k);
                            object = o.map(String::strip);
                        }
                    }
                    ef.finish();
                    if (kinds.size() != 1) {
                        d.add(Rule.SCHEMA_FIELD, item.position(), "an event of " + label
                                + " says one thing: exactly one of picks_up, puts_down, uses, wears (it has " + kinds.size() + ")");
                        return;
                    }
                    if (character.isPresent() && object.isPresent()) {
                        out.add(new ShotEvent(character.get(), kinds.get(0), object.get(), Values.positions(ef.mapping())));
                    }
                });
            }
        });
        return out;
    }
}
