package film.slate.core.stage;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Character;
import film.slate.core.model.Move;
import film.slate.core.model.Point;
import film.slate.core.model.Shot;
import java.util.Optional;

/**
 * A shot played out in time: where each character stands and faces, and where the camera is and
 * looks, at any instant {@code t} from 0 (first frame) to 1 (last frame). Previz draws exactly
 * this, and the film-grammar rules measure exactly this.
 */
public final class Staging {
    /** Share of a walk spent turning into it and out of it. */
    private static final double TURN = 0.15;
    /** Eye height of a character the bible does not know. */
    static final double DEFAULT_EYE = 1.6;

    private final Shot shot;
    private final ShotState state;
    private final Bible bible;

    public Staging(ShotState state, Bible bible) {
        this(state.shot(), state, bible);
    }

    /** {@code shot} played against the cast and set of {@code state}: the planner tries many cameras on one state. */
    public Staging(Shot shot, ShotState state, Bible bible) {
        this.shot = shot;
        this.state = state;
        this.bible = bible;
    }

    public Shot shot() {
        return shot;
    }

    /** The continuity this shot is staged from: the cast at either end and the props on the set. */
    public ShotState state() {
        return state;
    }

    /** The characters in the scene, in cast order. */
    public java.util.Set<String> cast() {
        return state.start().keySet();
    }

    /** Where {@code character} stands at {@code t}, if they are in the scene. */
    public Optional<Point> position(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return Optional.empty();
        }
        return Optional.of(a.at().lerp(b.at(), Ease.inOut(t)));
    }

    /** Which way {@code character} faces at {@code t}: into the walk while walking, turning at either end. */
    public double facing(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return 0;
        }
        if (a.at().distance(b.at()) < 1e-6) {
            return Ease.angle(a.facing(), b.facing(), Ease.inOut(t));
        }
        double walk = a.at().bearingTo(b.at());
        if (t < TURN) {
            return Ease.angle(a.facing(), walk, Ease.inOut(t / TURN));
        }
        if (t > 1 - TURN) {
            return Ease.angle(walk, b.facing(), Ease.inOut((t - (1 - TURN)) / TURN));
        }
        return walk;
    }

    /**
     * {@code character}'s skeleton at {@code t}: at their mark, facing their way, legs walking
     * while they cover ground, the right hand closed on a prop while they hold one (props change
     * hands at {@link Sight#EVENT_TIME}); empty when they are not in the scene.
     */
    public Optional<Body> body(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return Optional.empty();
        }
        double distance = a.at().distance(b.at());
        double c = Math.max(0, Math.min(1, t));
        double duration = shot.duration() > 0 && Double.isFinite(shot.duration()) ? shot.duration() : 1;
        double speed = distance * 6 * c * (1 - c) / duration; // the derivative of the eased walk
        boolean holding = !(t < Sight.EVENT_TIME ? a : b).holds().isEmpty();
        return Optional.of(Body.of(position(character, t).orElseThrow(), facing(character, t), height(character),
                distance * Ease.inOut(t), speed, holding));
    }

    /** The character's height from the bible (or a default). */
    public double height(String character) {
        return Optional.ofNullable(bible.characters().get(character)).map(Character::height).orElse(DEFAULT_EYE / 0.93);
    }

    /** The camera at {@code t}, before any handheld shake. */
    public CameraPose camera(double t) {
        Camera cam = shot.camera();
        Move move = shot.move();
        double e = Ease.inOut(t);
        Vec3 eye = Vec3.of(cam.at(), cam.height());
        Vec3 target = aim(cam.lookAt(), t, cam.height());
        switch (move.type()) {
            case DOLLY, TRUCK -> eye = Vec3.of(cam.at().lerp(move.to().orElse(cam.at()), e), cam.height());
            case CRANE -> eye = Vec3.of(cam.at().lerp(move.to().orElse(cam.at()), e),
                    cam.height() + (move.height().orElse(cam.height()) - cam.height()) * e);
            case PAN, TILT -> {
                if (move.lookAt().isPresent()) {
                    target = target.lerp(aim(move.lookAt().get(), t, cam.height()), e);
                } else if (move.type() == film.slate.core.model.MoveType.PAN) {
                    target = turn(eye, target, move.degrees().orElse(0) * e);
                } else {
                    target = tilt(eye, target, move.degrees().orElse(0) * e);
                }
            }
            case ORBIT -> {
                Point centre = target.plan();
                double radius = centre.distance(cam.at());
                double bearing = centre.bearingTo(cam.at()) + move.degrees().orElse(0) * e;
                eye = Vec3.of(centre.plus(Point.ofBearing(bearing).times(radius)), cam.height());
            }
            default -> {
            }
        }
        return new CameraPose(eye, target, cam.lens());
    }

    /** The 3-D point an aim names at {@code t}: a character's eyes, or a point at its height (level with the lens when none). */
    public Vec3 aim(Aim aim, double t, double defaultHeight) {
        if (aim.character().isPresent()) {
            String c = aim.character().get();
            Point p = position(c, t).orElse(shot.camera().at().plus(new Point(0, 1)));
            return Vec3.of(p, height(c) * 0.93);
        }
        return Vec3.of(aim.point().orElseThrow(), aim.z().orElse(defaultHeight));
    }

    private static Vec3 turn(Vec3 eye, Vec3 target, double degrees) {
        Vec3 d = target.minus(eye);
        double r = Math.toRadians(degrees);
        // Clockwise seen from above: a positive pan turns right.
        double x = d.x() * Math.cos(r) + d.y() * Math.sin(r);
        double y = -d.x() * Math.sin(r) + d.y() * Math.cos(r);
        return eye.plus(new Vec3(x, y, d.z()));
    }

    private static Vec3 tilt(Vec3 eye, Vec3 target, double degrees) {
        Vec3 d = target.minus(eye);
        double horizontal = Math.hypot(d.x(), d.y());
        double pitch = Math.atan2(d.z(), horizontal) + Math.toRadians(degrees);
        pitch = Math.max(Math.toRadians(-89), Math.min(Math.toRadians(89), pitch));
        double len = Math.max(d.length(), 1e-3);
        Point dir = horizontal < 1e-9 ? new Point(0, 1) : new Point(d.x() / horizontal, d.y() / horizontal);
        return eye.plus(new Vec3(dir.x() * Math.cos(pitch) * len, dir.y() * Math.cos(pitch) * len, Math.sin(pitch) * len));
    }
}
