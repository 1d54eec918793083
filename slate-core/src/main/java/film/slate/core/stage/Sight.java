package film.slate.core.stage;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.model.SetPiece;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the camera of a staged shot sees: whether a point is in the picture, how big a figure is in
 * it, whether one figure hides another, and where a prop is. The figure's proportions are the ones
 * previz draws (eyes at 93% of the height, torso and head half-widths, the hand that holds props),
 * so the framing rules and the planner measure what previz shows.
 */
public final class Sight {
    /** Eye height as a share of the figure's height. */
    public static final double EYES = 0.93;
    /** Half-width of the torso and of the head, as shares of the height, and where the head starts. */
    public static final double TORSO_HALF_WIDTH = 0.125;
    public static final double HEAD_HALF_WIDTH = 0.055;
    public static final double HEAD_FROM = 0.84;
    /** The hand that holds props: right of the body, a little in front, at this share of the height. */
    public static final double HAND = 0.42;
    /** A prop's size; a prop resting on the floor (or a set piece) is seen at half of it above that. */
    public static final double PROP_SIZE = 0.2;
    /** A prop changes hands at the middle of the shot that picks it up or puts it down. */
    public static final double EVENT_TIME = 0.5;

    private final Staging staging;
    private final double aspect;

    /** {@code aspect} is the picture's height over its width. */
    public Sight(Staging staging, double aspect) {
        this.staging = staging;
        this.aspect = aspect;
    }

    public Staging staging() {
        return staging;
    }

    /** The picture's height over its width. */
    public double aspect() {
        return aspect;
    }

    /** Where {@code character}'s eyes are at {@code t}. */
    public Optional<Vec3> eyes(String character, double t) {
        return staging.eyes(character, t);
    }

    /** Whether {@code p} is in the picture at {@code t}, allowing {@code margin} times the frame (1 is its edge). */
    public boolean inFrame(Vec3 p, double t, double margin) {
        return inFrame(staging.camera(t), p, margin);
    }

    public boolean inFrame(CameraPose pose, Vec3 p, double margin) {
        return inFrame(pose, p, aspect, margin);
    }

    /** Whether {@code p} is in the picture of {@code pose} with frame shape {@code aspect}, allowing {@code margin} times the frame. */
    public static boolean inFrame(CameraPose pose, Vec3 p, double aspect, double margin) {
        Optional<Point> s = pose.project(p);
        return s.isPresent() && Math.abs(s.get().x()) <= margin && Math.abs(s.get().y()) <= aspect * margin;
    }

    /** The shot size {@code character} is seen at, at {@code t}; empty when they are behind the lens. */
    public Optional<Framing> size(String character, double t) {
        CameraPose pose = staging.camera(t);
        return eyes(character, t).map(pose::depth).filter(d -> d > 1e-3)
                .map(d -> ShotSize.of(ShotSize.pictureHeight(pose.lens(), d, aspect) / staging.height(character)));
    }

    /**
     * Who of the cast, or failing them which piece of the set, stands between the lens and {@code
     * character}'s eyes at {@code t}, if anything does. A piece is a solid block, as previz draws
     * it: it hides the face when the sight line to the eyes passes through it, and a face that
     * shows over or beside it is seen, however much of the body it hides. A piece under the
     * subject's own mark (the door they enter by, the bench they sit on) hides nothing of them.
     */
    public Optional<Occluder> hiddenBy(String character, double t) {
        Optional<Vec3> target = eyes(character, t);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Point mark = staging.position(character, t).orElseThrow();
        return between(target.get(), t, character, piece -> piece.covers(mark)); // one in a doorway is framed by the door
    }

    /**
     * Who of the cast, or failing them which piece of the set, stands between the lens and {@code
     * prop} at {@code t} ({@link #prop}), as {@link #hiddenBy(String, double)} measures a face. The
     * one who holds it is a figure like any other (their body hides the hand from behind them), but
     * a piece under their mark hides nothing of what they hold, and the piece it rests on nothing
     * of it. Empty when nothing does, or when the prop is nowhere.
     */
    public Optional<Occluder> propHiddenBy(String prop, double t) {
        Optional<Vec3> target = prop(prop, t);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<Point> mark = holder(prop, t).flatMap(h -> staging.position(h, t));
        if (mark.isPresent()) {
            return between(target.get(), t, null, piece -> piece.covers(mark.get()));
        }
        Optional<SetPiece> on = restsOn(prop, t); // found from its footprint, as previz stands it there
        return between(target.get(), t, null, piece -> on.isPresent() && piece.equals(on.get()));
    }

    /**
     * The first of the cast but {@code owner} (none when null), else the first piece of the set
     * that is not {@code spared}, on the sight line to {@code target}.
     */
    private Optional<Occluder> between(Vec3 target, double t, String owner, Predicate<SetPiece> spared) {
        Vec3 eye = staging.camera(t).eye();
        for (String other : staging.cast()) {
            Optional<Point> at = staging.position(other, t);
            if (!other.equals(owner) && at.isPresent() && blocks(eye, target, at.get(), staging.top(other, t))) {
                return Optional.of(new Occluder(other, false));
            }
        }
        for (SetPiece piece : staging.state().pieces()) {
            if (!spared.test(piece) && blocks(eye, target, piece)) {
                return Optional.of(new Occluder(piece.id(), true));
            }
        }
        return Optional.empty();
    }

    /** Whether the sight line from {@code eye} to {@code target} passes through the block of {@code piece} (slabs along its width, depth and height). */
    public static boolean blocks(Vec3 eye, Vec3 target, SetPiece piece) {
        Point across = Point.ofBearing(piece.facing() + 90);
        Point along = Point.ofBearing(piece.facing());
        Point from = eye.plan().minus(piece.at());
        Point ray = target.plan().minus(eye.plan());
        double[] lo = {0};
        double[] hi = {1};
        return slab(from.dot(across), ray.dot(across), piece.width() / 2, lo, hi)
                && slab(from.dot(along), ray.dot(along), piece.depth() / 2, lo, hi)
                && slab(eye.z() - piece.height() / 2, target.z() - eye.z(), piece.height() / 2, lo, hi)
                && lo[0] < hi[0];
    }

    /** Narrows [lo, hi] of the segment to where {@code start + s * step} lies strictly within {@code half} of 0; false when nowhere. */
    private static boolean slab(double start, double step, double half, double[] lo, double[] hi) {
        if (Math.abs(step) < 1e-12) {
            return Math.abs(start) < half;
        }
        double a = (-half - start) / step;
        double b = (half - start) / step;
        lo[0] = Math.max(lo[0], Math.min(a, b));
        hi[0] = Math.min(hi[0], Math.max(a, b));
        return lo[0] < hi[0];
    }

    /** Whether a figure of {@code height} standing at {@code at} blocks the sight line from {@code eye} to {@code target}. */
    public static boolean blocks(Vec3 eye, Vec3 target, Point at, double height) {
        Point from = eye.plan();
        Point ray = target.plan().minus(from);
        double len2 = ray.dot(ray);
        if (len2 < 1e-9) {
            return false;
        }
        double s = at.minus(from).dot(ray) / len2;
        if (s <= 0 || s >= 1 - 0.05 / Math.sqrt(len2)) {
            return false; // behind the lens, or at (or beyond) the subject
        }
        double lateral = at.distance(from.plus(ray.times(s)));
        double z = eye.z() + (target.z() - eye.z()) * s;
        if (z >= height || z < 0) {
            return false; // the sight line passes over their head
        }
        double half = (z >= HEAD_FROM * height ? HEAD_HALF_WIDTH : TORSO_HALF_WIDTH) * height;
        return lateral < half;
    }

    /** Where the hand that holds props is, for a figure at {@code at} facing {@code facing}. */
    public static Vec3 hand(Point at, double facing, double height) {
        Point f = Point.ofBearing(facing);
        Point r = new Point(f.y(), -f.x());
        return Vec3.of(at.plus(r.times(0.19 * height)).plus(f.times(0.05 * height)), HAND * height);
    }

    /**
     * Where {@code prop} is at {@code t}: in the hand of whoever holds it then, or where it rests
     * on the set (put down earlier, or waiting to be picked up in this shot); empty when it is in
     * neither place.
     */
    public Optional<Vec3> prop(String prop, double t) {
        Optional<String> holder = holder(prop, t);
        if (holder.isPresent()) {
            return staging.hand(holder.get(), t);
        }
        return lying(prop, t).map(l -> staging.resting(l.spot(), l.facing()));
    }

    /**
     * Where {@code prop} lies on the set at {@code t}, when no one holds it then: where it was put
     * down (square to the plan), or in front of the one who picks it up in this shot (turned their
     * way); empty when it is in a hand or nowhere.
     */
    public Optional<Lying> lying(String prop, double t) {
        if (holder(prop, t).isPresent()) {
            return Optional.empty();
        }
        ShotState state = staging.state();
        boolean after = t >= EVENT_TIME;
        Point rest = (after ? state.setEnd() : state.setStart()).get(prop);
        if (rest != null) {
            return Optional.of(new Lying(rest, 0));
        }
        for (String c : staging.cast()) { // picked up in this shot, from where it lay beside them
            CharacterState end = state.end().get(c);
            if (!after && end != null && end.holds().contains(prop)) {
                Point spot = Continuity.setDown(staging.position(c, EVENT_TIME).orElseThrow(), staging.facing(c, EVENT_TIME));
                return Optional.of(new Lying(spot, staging.facing(c, t)));
            }
        }
        return Optional.empty();
    }

    /** The set piece {@code prop} rests on at {@code t} ({@link #lying}, {@link Staging#restsOn}); empty in a hand, on the floor or nowhere. */
    public Optional<SetPiece> restsOn(String prop, double t) {
        return lying(prop, t).flatMap(l -> staging.restsOn(l.spot(), l.facing()));
    }

    /** A prop lying on the set: its spot on the plan and the compass bearing its footprint is turned to. */
    public record Lying(Point spot, double facing) {
    }

    /** Who holds {@code prop} at {@code t}: it changes hands at {@link #EVENT_TIME}. */
    private Optional<String> holder(String prop, double t) {
        ShotState state = staging.state();
        for (String c : staging.cast()) {
            CharacterState s = t >= EVENT_TIME ? state.end().get(c) : state.start().get(c);
            if (s != null && s.holds().contains(prop)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
