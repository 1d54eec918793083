package film.slate.core.plan;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Aim;
import film.slate.core.model.Blocking;
import film.slate.core.model.Camera;
import film.slate.core.model.CastMember;
import film.slate.core.model.Move;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.Rounded;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * Directions written as names, turned into the numbers the rest of Slate measures with: a cast
 * member's {@code facing: ELSIE} (toward Elsie's mark, or the hand that holds a prop at the start),
 * a walk's {@code facing: ELSIE} (toward where Elsie is when the walk ends, or where the prop is
 * then), and a camera's or a pan's {@code look_at: WATCH} (the prop where it is at the middle of the
 * shot, or at the end of the pan). Each is settled in that order, since where a prop is depends on
 * which way its holder faces. A name that is nothing there is a {@code schema/field} error at its line.
 */
final class Directions {
    private final Diagnostics d;

    private Directions(Diagnostics d) {
        this.d = d;
    }

    /** Whether the production writes any direction by name. */
    static boolean any(Production p) {
        return p.scenes().stream().anyMatch(s -> s.cast().values().stream().anyMatch(c -> c.facingToward().isPresent()))
                || p.shots().stream().anyMatch(s -> s.blocking().values().stream().anyMatch(b -> b.facingToward().isPresent())
                        || prop(p, s.camera().lookAt()).isPresent() || s.move().lookAt().flatMap(a -> prop(p, a)).isPresent());
    }

    static Production resolve(Production p, Diagnostics d) {
        Directions dir = new Directions(d);
        Production faced = with(p, p.scenes().stream().map(dir::castFacing).toList());
        Continuity first = Continuity.of(faced);
        Production walked = shots(faced, s -> dir.walks(s, first, faced));
        Continuity settled = Continuity.of(walked);
        return shots(walked, s -> dir.looks(s, settled, walked));
    }

    private ScenePlan castFacing(ScenePlan scene) {
        Map<String, CastMember> cast = new LinkedHashMap<>();
        for (CastMember m : scene.cast().values()) {
            Optional<Point> toward = m.facingToward().flatMap(n -> startOf(scene, m, n));
            if (m.facingToward().isPresent() && toward.isEmpty()) {
                d.add(Rule.SCHEMA_FIELD, m.where().at("facing"), "'facing' of " + m.character() + " in the cast of "
                        + scene.file() + " is '" + m.facingToward().get() + "', which is no one else in the cast of scene "
                        + scene.scene() + " and no prop another holds at its start; name one of " + others(scene, m.character())
                        + ", a prop in someone's hand, or give degrees (0 north, 90 east)");
            }
            cast.put(m.character(), toward.map(t -> m.facing(bearing(m.at(), t))).orElse(m));
        }
        return new ScenePlan(scene.file(), scene.scene(), scene.continues(), scene.location(), scene.time(), scene.axis(),
                cast, scene.shots(), scene.where());
    }

    /** Where {@code name} is at the start of the scene: another cast member's mark, or the mark of who holds the prop. */
    private static Optional<Point> startOf(ScenePlan scene, CastMember self, String name) {
        CastMember other = scene.cast().get(name);
        if (other != null) {
            return other == self ? Optional.empty() : Optional.of(other.at());
        }
        return scene.cast().values().stream().filter(c -> c != self && c.holds().contains(name)).map(CastMember::at).findFirst();
    }

    private Shot walks(Shot shot, Continuity continuity, Production p) {
        if (shot.blocking().values().stream().noneMatch(b -> b.facingToward().isPresent())) {
            return shot;
        }
        Optional<ShotState> state = continuity.shot(shot.fullId());
        Map<String, Blocking> out = new LinkedHashMap<>();
        for (Blocking b : shot.blocking().values()) {
            Optional<Point> toward = b.facingToward().filter(n -> !n.equals(b.character())).flatMap(n -> state.flatMap(s -> {
                var other = s.end().get(n);
                return other != null ? Optional.of(other.at())
                        : new Sight(new Staging(shot, s, p.bible()), 1).prop(n, 1).map(Vec3::plan);
            }));
            if (b.facingToward().isPresent() && toward.isEmpty()) {
                d.add(Diagnostic.ofShot(Rule.SCHEMA_FIELD, b.where().at("facing"), shot.fullId(), "'facing' of the blocking of "
                        + b.character() + " in shot " + shot.fullId() + " is '" + b.facingToward().get() + "', which is"
                        + " no one else in the scene and no prop in a hand or on the set when the walk ends; name someone"
                        + " in the cast, a prop that is somewhere, or give degrees (0 north, 90 east)"));
            }
            out.put(b.character(), toward.map(t -> b.facing(bearing(b.to(), t))).orElse(b));
        }
        return copy(shot, shot.camera(), shot.move(), out);
    }

    private Shot looks(Shot shot, Continuity continuity, Production p) {
        Optional<String> camera = prop(p, shot.camera().lookAt());
        Optional<String> pan = shot.move().lookAt().flatMap(a -> prop(p, a));
        if (camera.isEmpty() && pan.isEmpty()) {
            return shot;
        }
        Optional<Sight> sight = continuity.shot(shot.fullId()).map(s -> new Sight(new Staging(shot, s, p.bible()), 1));
        Camera c = shot.camera();
        Optional<Aim> aim = camera.flatMap(n -> at(sight, n, Sight.EVENT_TIME, shot, c.where().at("look_at"), "camera"));
        Camera cam = aim.map(a -> new Camera(c.at(), c.height(), c.lens(), a, c.where(), c.intent())).orElse(c);
        Move m = shot.move();
        Optional<Aim> end = pan.flatMap(n -> at(sight, n, 1, shot, m.where().at("look_at"), "move"));
        Move move = end.map(a -> new Move(m.type(), m.to(), m.height(), Optional.of(a), m.degrees(), m.amplitude(), m.where()))
                .orElse(m);
        return copy(shot, cam, move, shot.blocking());
    }

    /** The prop a look names, when it names one and no character. */
    private static Optional<String> prop(Production p, Aim aim) {
        return aim.character().filter(n -> !p.bible().characters().containsKey(n) && p.bible().props().containsKey(n));
    }

    private Optional<Aim> at(Optional<Sight> sight, String prop, double t, Shot shot, film.slate.core.diagnostic.SourcePosition
            where, String what) {
        Optional<Vec3> p = sight.flatMap(s -> s.prop(prop, t));
        if (p.isEmpty()) {
            d.add(Diagnostic.ofShot(Rule.SCHEMA_FIELD, where, shot.fullId(), "'look_at' of the " + what + " of shot "
                    + shot.fullId() + " is " + prop + ", which is in no one's hand and rests nowhere on the set at that moment;"
                    + " give it to someone with 'holds:' or an event, or look at a point [x, y, z]"));
            return Optional.empty();
        }
        Vec3 v = p.get();
        return Optional.of(new Aim(Optional.empty(), Optional.of(Rounded.centimetres(v.plan())),
                OptionalDouble.of(Rounded.centimetres(v.z()))));
    }

    private static double bearing(Point from, Point to) {
        return Rounded.bearing(from.bearingTo(to), 1);
    }

    private static String others(ScenePlan scene, String self) {
        List<String> out = new ArrayList<>(scene.cast().keySet());
        out.remove(self);
        return out.isEmpty() ? "no one (the cast is " + self + " alone)" : String.join(", ", out);
    }

    private static Shot copy(Shot s, Camera camera, Move move, Map<String, Blocking> blocking) {
        return new Shot(s.scene(), s.id(), s.framing(), s.subjects(), camera, move, s.duration(), s.action(), s.lines(),
                blocking, s.events(), s.takes(), s.seed(), s.crossesLine(), s.where());
    }

    private static Production shots(Production p, UnaryOperator<Shot> each) {
        return with(p, p.scenes().stream().map(s -> new ScenePlan(s.file(), s.scene(), s.continues(), s.location(), s.time(),
                s.axis(), s.cast(), s.shots().stream().map(each).toList(), s.where())).toList());
    }

    private static Production with(Production p, List<ScenePlan> scenes) {
        return new Production(p.root(), p.manifest(), p.screenplay(), p.bible(), scenes, p.rights());
    }
}
