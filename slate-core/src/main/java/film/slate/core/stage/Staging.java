package film.slate.core.stage;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Character;
import film.slate.core.model.Move;
import film.slate.core.model.Point;
import film.slate.core.model.Posture;
import film.slate.core.model.SetPiece;
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

    /**
     * The centre of a prop resting at {@code spot}, turned to {@code facing}: on the top of the
     * highest set piece under its footprint, on the floor when none is.
     */
    public Vec3 resting(Point spot, double facing) {
        return Vec3.of(spot, restsOn(spot, facing).map(SetPiece::height).orElse(0.0) + Sight.PROP_SIZE / 2);
    }

    /** The set piece a prop resting at {@code spot}, turned to {@code facing}, rests on: the highest under its footprint; empty on the floor. */
    public Optional<SetPiece> restsOn(Point spot, double facing) {
        return SetPiece.under(state.pieces(), spot, Sight.PROP_SIZE / 2, facing);
    }

    /** The characters in the scene, in cast order. */
    public java.util.Set<String> cast() {
        return state.start().keySet();
    }

    /** Where {@code character} stands at {@code t}, if they are on set. */
    public Optional<Point> position(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return Optional.empty();
        }
        return Optional.of(a.at().lerp(b.at(), Ease.inOut(beats(a, b).walk(t))));
    }

    /** Which way {@code character} faces at {@code t}: into the walk while walking, turning at either end. */
    public double facing(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return 0;
        }
        double u = beats(a, b).walk(t);
        if (a.at().distance(b.at()) < 1e-6) {
            return Ease.angle(a.facing(), b.facing(), Ease.inOut(u));
        }
        double walk = a.at().bearingTo(b.at());
        if (u < TURN) {
            return Ease.angle(a.facing(), walk, Ease.inOut(u / TURN));
        }
        if (u > 1 - TURN) {
            return Ease.angle(walk, b.facing(), Ease.inOut((u - (1 - TURN)) / TURN));
        }
        return walk;
    }

    /**
     * {@code character}'s skeleton at {@code t}: at their mark in their posture, facing their way,
     * legs walking while they cover ground (standing up before a walk, sitting down after it), the
     * right hand closed on a prop while they hold one (props change hands at {@link
     * Sight#EVENT_TIME}); empty when they are not on set.
     */
    public Optional<Body> body(String character, double t) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        if (a == null || b == null) {
            return Optional.empty();
        }
        Beats beats = beats(a, b);
        double distance = a.at().distance(b.at());
        double u = beats.walk(t);
        double speed = distance * 6 * u * (1 - u) / (duration() * beats.walking()); // the derivative of the eased walk
        boolean holding = !(t < Sight.EVENT_TIME ? a : b).holds().isEmpty();
        Point at = position(character, t).orElseThrow();
        double facing = facing(character, t);
        double h = height(character);
        if (distance < 1e-6 && a.posture() == b.posture() && a.seat() == b.seat()) {
            return Optional.of(a.posture() == Posture.STAND ? Body.of(at, facing, h, 0, 0, holding)
                    : Poses.of(a.posture(), at, facing, h, a.seat(), holding));
        }
        if (distance < 1e-6) { // a change of posture on the spot
            return Optional.of(Body.blend(Poses.of(a.posture(), at, facing, h, a.seat(), holding),
                    Poses.of(b.posture(), at, facing, h, b.seat(), holding), beats.change(t)));
        }
        Body walking = Body.of(at, facing, h, distance * Ease.inOut(u), speed, holding);
        if (t < beats.rise()) {
            return Optional.of(Body.blend(Poses.of(a.posture(), at, facing, h, a.seat(), holding), walking,
                    Ease.inOut(t / beats.rise())));
        }
        if (t > 1 - beats.settle()) {
            return Optional.of(Body.blend(walking, Poses.of(b.posture(), at, facing, h, b.seat(), holding),
                    Ease.inOut((t - (1 - beats.settle())) / beats.settle())));
        }
        return Optional.of(walking);
    }

    /** Where {@code character}'s eyes are at {@code t}, above the middle of their shoulders; empty when not on set. */
    public Optional<Vec3> eyes(String character, double t) {
        if (standing(character)) {
            return position(character, t).map(p -> Vec3.of(p, height(character) * Sight.EYES));
        }
        return body(character, t).map(b -> Vec3.of(b.joint(Body.Joint.NECK).plan(),
                (b.joint(Body.Joint.RIGHT_EYE).z() + b.joint(Body.Joint.LEFT_EYE).z()) / 2));
    }

    /** How high the eyes of {@code character} are as {@code state} opens, for one {@code height} tall (standing when unknown). */
    public static double eyeHeight(ShotState state, String character, double height) {
        CharacterState s = state.start().get(character);
        if (s == null || s.posture() == Posture.STAND) {
            return height * Sight.EYES;
        }
        Body b = Poses.of(s.posture(), s.at(), s.facing(), height, s.seat(), false);
        return (b.joint(Body.Joint.RIGHT_EYE).z() + b.joint(Body.Joint.LEFT_EYE).z()) / 2;
    }

    /** Where the prop in {@code character}'s hand is at {@code t} (a standing figure's is {@link Sight#hand}). */
    public Optional<Vec3> hand(String character, double t) {
        if (standing(character)) {
            return position(character, t).map(p -> Sight.hand(p, facing(character, t), height(character)));
        }
        return body(character, t).map(Body::hand);
    }

    /** How high the top of {@code character}'s head is at {@code t} (their height while they stand). */
    public double top(String character, double t) {
        return standing(character) ? height(character)
                : body(character, t).map(b -> Math.max(b.level(1).z(), b.joint(Body.Joint.NOSE).z())).orElse(0.0);
    }

    /** Whether {@code character} stands through the whole shot (the common case, measured the way it always was). */
    private boolean standing(String character) {
        CharacterState a = state.start().get(character);
        CharacterState b = state.end().get(character);
        return a == null || b == null || a.posture() == Posture.STAND && b.posture() == Posture.STAND;
    }

    private double duration() {
        return shot.duration() > 0 && Double.isFinite(shot.duration()) ? shot.duration() : 1;
    }

    /** When a character's posture changes and when they walk: {@link Beats}. */
    private Beats beats(CharacterState a, CharacterState b) {
        double change = Math.min(1, Beats.CHANGE_SECONDS / duration());
        if (a.at().distance(b.at()) < 1e-6) {
            boolean changes = a.posture() != b.posture() || a.seat() != b.seat();
            return new Beats(0, 0, !changes ? -1 : b.posture() == Posture.STAND ? 0 : 1 - change, change);
        }
        double rise = a.posture() == Posture.STAND ? 0 : change;
        double settle = b.posture() == Posture.STAND ? 0 : change;
        double scale = rise + settle > 0.8 ? 0.8 / (rise + settle) : 1;
        return new Beats(rise * scale, settle * scale, -1, change);
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
            return eyes(c, t).orElse(Vec3.of(shot.camera().at().plus(new Point(0, 1)), height(c) * Sight.EYES));
        }
        return Vec3.of(aim.point().orElseThrow(), aim.z().orElse(defaultHeight));
    }

    private static Vec3 turn(Vec3 eye, Vec3 target, double degrees) {
        Vec3 d = target.minus(eye);
        double r = StrictMath.toRadians(degrees);
        // Clockwise seen from above: a positive pan turns right.
        double x = d.x() * StrictMath.cos(r) + d.y() * StrictMath.sin(r);
        double y = -d.x() * StrictMath.sin(r) + d.y() * StrictMath.cos(r);
        return eye.plus(new Vec3(x, y, d.z()));
    }

    private static Vec3 tilt(Vec3 eye, Vec3 target, double degrees) {
        Vec3 d = target.minus(eye);
        double horizontal = StrictMath.hypot(d.x(), d.y());
        double pitch = StrictMath.atan2(d.z(), horizontal) + StrictMath.toRadians(degrees);
        pitch = Math.max(StrictMath.toRadians(-89), Math.min(StrictMath.toRadians(89), pitch));
        double len = Math.max(d.length(), 1e-3);
        Point dir = horizontal < 1e-9 ? new Point(0, 1) : new Point(d.x() / horizontal, d.y() / horizontal);
        double cos = StrictMath.cos(pitch);
        return eye.plus(new Vec3(dir.x() * cos * len, dir.y() * cos * len, StrictMath.sin(pitch) * len));
    }
}
