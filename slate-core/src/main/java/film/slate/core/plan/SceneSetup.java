package film.slate.core.plan;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Axis;
import film.slate.core.model.CastMember;
import film.slate.core.model.Location;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Production;
import film.slate.core.model.Rounded;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.ScriptScene;
import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner starts from: the scene's room, its cast on their marks, its action line, its
 * dialogue and action. Taken from the shots file where there is one (as {@code slate init} writes
 * it), else from the screenplay alone with default marks, and {@code notes} say so.
 */
record SceneSetup(String number, String location, String time, double width, double depth,
        Map<String, CastMember> cast, Axis axis, List<DialogueBlock> dialogue, String action,
        Optional<ScenePlan> existing, List<String> notes) {

    /** A room of this size is assumed when the scene's location is unknown. */
    static final double DEFAULT_ROOM = 8;
    /** Default marks stand this far apart. */
    static final double SPACING = 1.4;

    static SceneSetup of(Production production, String number) throws PlanProblem {
        Optional<ScenePlan> plan = production.scene(number);
        Optional<ScriptScene> script = production.screenplay().flatMap(s -> s.scene(number));
        if (plan.isEmpty() && script.isEmpty()) {
            throw new PlanProblem("there is no scene " + number + " in the screenplay or the shots files; "
                    + scenes(production), true);
        }
        List<String> notes = new ArrayList<>();
        List<DialogueBlock> dialogue = script.map(ScriptScene::dialogue).orElse(List.of());
        String locationId = plan.map(ScenePlan::location).filter(l -> !l.isEmpty())
                .or(() -> script.flatMap(s -> byHeading(production, s.setting()))).orElse("");
        Location location = production.bible().locations().get(locationId);
        double width = location == null ? DEFAULT_ROOM : location.width();
        double depth = location == null ? DEFAULT_ROOM : location.depth();
        if (location == null) {
            notes.add("the scene's location is not in bible/locations.yaml, so the plan assumes a room of "
                    + (int) DEFAULT_ROOM + " x " + (int) DEFAULT_ROOM + " m");
        }
        String time = plan.map(ScenePlan::time).filter(t -> !t.isEmpty())
                .orElse(script.map(ScriptScene::time).orElse(""));
        Map<String, CastMember> cast = new LinkedHashMap<>(plan.map(ScenePlan::cast).orElse(Map.of()));
        if (cast.isEmpty()) {
            cast = clearOf(defaultMarks(speakers(dialogue, production), width, depth),
                    location == null ? List.of() : location.set(), width, depth);
            notes.add("the scene has no blocking, so the cast stands on default marks at the middle of the room"
                    + " facing each other; give them marks under 'cast:' and plan again");
        }
        if (cast.isEmpty()) {
            throw new PlanProblem("scene " + number + " has no cast and no one speaks in it, so there is nobody to"
                    + " cover; add the cast with marks under 'cast:' in its shots file", false);
        }
        Axis axis = plan.flatMap(ScenePlan::axis).orElseGet(() -> defaultAxis(dialogue, production, new ArrayList<>(
                production.scene(number).map(ScenePlan::cast).orElse(Map.of()).keySet())));
        if (axis instanceof Axis.Between b && (!cast.containsKey(b.first()) || !cast.containsKey(b.second()))) {
            List<String> ids = new ArrayList<>(cast.keySet());
            axis = ids.size() >= 2 ? between(ids.get(0), ids.get(1)) : line(cast.values().iterator().next().at());
        }
        return new SceneSetup(number, locationId, time, width, depth, cast, axis, dialogue,
                script.map(SceneSetup::action).orElse(""), plan, notes);
    }

    private static String scenes(Production p) {
        Set<String> all = new LinkedHashSet<>();
        p.screenplay().ifPresent(s -> s.scenes().forEach(x -> all.add(x.number())));
        p.scenes().forEach(s -> all.add(s.scene()));
        return all.isEmpty() ? "the production has no scenes yet" : "its scenes are " + String.join(", ", all);
    }

    private static Optional<String> byHeading(Production p, String setting) {
        String want = normal(setting);
        return p.bible().locations().values().stream().filter(l -> normal(l.heading()).equals(want))
                .map(Location::id).findFirst();
    }

    static String normal(String heading) {
        String s = heading.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Who speaks, in order of first speech, that the bible knows (others are voices off). */
    private static List<String> speakers(List<DialogueBlock> dialogue, Production p) {
        Set<String> out = new LinkedHashSet<>();
        for (DialogueBlock b : dialogue) {
            out.add(b.character());
        }
        return new ArrayList<>(out);
    }

    /**
     * Default marks: two face each other across the middle of the room; more stand on an arc north
     * of the middle, facing its centre, so that the south half stays free for the camera.
     */
    static Map<String, CastMember> defaultMarks(List<String> who, double width, double depth) {
        Map<String, CastMember> out = new LinkedHashMap<>();
        Point centre = new Point(width / 2, depth / 2);
        int n = who.size();
        for (int i = 0; i < n; i++) {
            Point at;
            double facing;
            if (n <= 2) {
                double x = (i == 0 ? -1 : 1) * SPACING / 2;
                at = centre.plus(new Point(n == 1 ? 0 : x, 0));
                facing = i == 0 ? 90 : 270;
            } else {
                double radius = Math.max(SPACING, SPACING * n / Math.PI);
                double bearing = -90 + 180.0 * i / (n - 1);
                at = centre.plus(Point.ofBearing(bearing).times(radius)).minus(new Point(0, radius / 2));
                facing = at.bearingTo(centre.minus(new Point(0, radius / 2)));
            }
            out.put(who.get(i), new CastMember(who.get(i), Optional.empty(), Rounded.centimetres(at), Rounded.bearing(facing, 0),
                    List.of(), Positions.of(SourcePosition.ofFile("(default marks)"))));
        }
        return out;
    }

    /** A figure's reach round its mark: default marks keep this far from every set piece. */
    static final double BODY = 0.35;

    /**
     * {@code marks} moved together, as little as will do, so that nobody stands on or against a
     * piece of {@code set} and everyone stays 0.5 m inside the room (unmoved when nothing fits).
     */
    static Map<String, CastMember> clearOf(Map<String, CastMember> marks, List<SetPiece> set, double width, double depth) {
        List<SetPiece> grown = set.stream().map(s -> new SetPiece(s.id(), s.at(), s.width() + 2 * BODY, s.depth() + 2 * BODY,
                s.height(), s.facing())).toList();
        double away = away(marks, grown);
        for (double reach = 0; reach <= Math.max(width, depth); reach += 0.25) {
            for (int i = 0; i < (reach == 0 ? 1 : 16); i++) {
                double turn = 22.5 * ((i + 1) / 2) * (i % 2 == 0 ? 1 : -1); // straight away from the piece first
                Point shift = reach == 0 ? Point.ORIGIN : Point.ofBearing(away + turn).times(reach);
                Point step = Rounded.centimetres(shift);
                if (marks.values().stream().map(m -> m.at().plus(step)).allMatch(p -> p.x() >= 0.5 && p.y() >= 0.5
                        && p.x() <= width - 0.5 && p.y() <= depth - 0.5 && grown.stream().noneMatch(g -> g.covers(p)))) {
                    Map<String, CastMember> out = new LinkedHashMap<>();
                    marks.forEach((c, m) -> out.put(c, new CastMember(c, m.wardrobe(), m.at().plus(step), m.facing(), m.holds(),
                            m.where())));
                    return out;
                }
            }
        }
        return marks;
    }

    /** The bearing from the first piece in the way to the middle of the marks (south when none is, or it is right there). */
    private static double away(Map<String, CastMember> marks, List<SetPiece> grown) {
        Point middle = marks.values().stream().map(CastMember::at).reduce(Point.ORIGIN, Point::plus).times(1.0 / Math.max(1, marks.size()));
        return grown.stream().filter(g -> marks.values().stream().anyMatch(m -> g.covers(m.at()))).findFirst()
                .filter(g -> g.at().distance(middle) > 1e-6).map(g -> g.at().bearingTo(middle)).orElse(180.0);
    }

    private static Axis defaultAxis(List<DialogueBlock> dialogue, Production p, List<String> cast) {
        List<String> who = new ArrayList<>(speakers(dialogue, p));
        for (String c : cast) {
            if (!who.contains(c)) {
                who.add(c);
            }
        }
        return who.size() >= 2 ? between(who.get(0), who.get(1)) : line(Point.ORIGIN);
    }

    private static Axis between(String a, String b) {
        return new Axis.Between(a, b, Positions.of(SourcePosition.ofFile("(default axis)")));
    }

    private static Axis line(Point through) {
        return new Axis.Line(through, through.plus(new Point(1, 0)), Positions.of(SourcePosition.ofFile("(default axis)")));
    }

    /** The scene's action paragraphs, joined, for the master's action. */
    private static String action(ScriptScene s) {
        List<String> parts = new ArrayList<>();
        for (Element e : s.elements()) {
            if (e.type() == ElementType.ACTION && !e.text().isBlank()) {
                parts.add(e.text().strip().replaceAll("\\s+", " "));
            }
        }
        return String.join(" ", parts);
    }

    /** The axis as the two characters it runs between, when it does. */
    Optional<List<String>> axisPair() {
        return axis instanceof Axis.Between b ? Optional.of(List.of(b.first(), b.second())) : Optional.empty();
    }
}
