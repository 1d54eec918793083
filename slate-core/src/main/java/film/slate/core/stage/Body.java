package film.slate.core.stage;

import film.slate.core.model.Point;
import java.util.List;

/**
 * A figure's skeleton at one instant: the 18 joints of the COCO body layout that OpenPose draws
 * and pose ControlNets read, in that order ({@link Joint}), in metres on the set. Previz hangs its
 * mannequin on these joints and the pose pass projects them, so the figure a director sees and the
 * skeleton a model follows are one. Proportions are shares of the height (eyes at
 * {@link Sight#EYES}, the prop hand at {@link Sight#hand}), so the framing rules measure it too.
 *
 * @param joints the 18 joints, indexed by {@link Joint#ordinal()}
 * @param forward the way the body faces (unit, on the floor plan)
 * @param height the figure's height in metres
 */
public record Body(List<Vec3> joints, Point forward, double height) {
    /** The COCO 18 body joints in OpenPose's order; "right" is the figure's own right. */
    public enum Joint {
        NOSE, NECK, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, RIGHT_HIP,
        RIGHT_KNEE, RIGHT_ANKLE, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, RIGHT_EYE, LEFT_EYE, RIGHT_EAR, LEFT_EAR
    }

    /** Shoulder, hip and eye joints as shares of the height; the head spans {@link Sight#HEAD_FROM} to 1. */
    public static final double SHOULDER = 0.81;
    public static final double SHOULDER_HALF = 0.105;
    public static final double HIP = 0.50;
    public static final double HIP_HALF = 0.055;
    public static final double KNEE = 0.28;
    public static final double ANKLE = 0.04;
    /**
     * The arm from shoulder to fingertips, as a share of the height: upper arm 0.186, forearm
     * 0.146, hand 0.108 (Drillis and Contini's segment lengths, as in Winter's Biomechanics).
     */
    public static final double ARM = 0.44;
    /** How far the toes reach in front of the mark: the nearest point of a figure facing the lens. */
    public static final double TOES = 0.07;
    /** One stride (two steps), as a share of the height. */
    static final double STRIDE = 0.8;
    /** Walking speed (m/s) at which limbs swing fully; slower walks swing less, a figure at rest not at all. */
    static final double FULL_SWING_SPEED = 0.6;
    /** How far below the wrist of the holding hand a prop is held, as a share of the height. */
    static final double HAND_BELOW_WRIST = 0.035;
    /** The largest swing of a thigh or an arm, in radians. */
    static final double SWING = StrictMath.toRadians(24);

    public Body {
        joints = List.copyOf(joints);
        if (joints.size() != Joint.values().length) {
            throw new IllegalArgumentException("a body has 18 joints, not " + joints.size());
        }
    }

    public Vec3 joint(Joint j) {
        return joints.get(j.ordinal());
    }

    /** The figure's right, on the floor plan. */
    public Point right() {
        return new Point(forward.y(), -forward.x());
    }

    /** The middle of the hips: where the spine starts. */
    public Vec3 hips() {
        return joint(Joint.RIGHT_HIP).lerp(joint(Joint.LEFT_HIP), 0.5);
    }

    /** The figure's own right in space (unit), from the left shoulder to the right. */
    public Vec3 across() {
        Vec3 a = joint(Joint.RIGHT_SHOULDER).minus(joint(Joint.LEFT_SHOULDER));
        return a.length() < 1e-9 ? Vec3.of(right(), 0) : a.unit();
    }

    /** The spine's direction (unit), from the hips towards the head, square to {@link #across()}: up when standing. */
    public Vec3 spine() {
        Vec3 s = joint(Joint.NECK).minus(hips());
        Vec3 a = across();
        s = s.minus(a.times(s.dot(a)));
        return s.length() < 1e-9 ? new Vec3(0, 0, 1) : s.unit();
    }

    /** Where the chest and face turn (unit): {@link #forward()} when upright, the sky for a figure on its back. */
    public Vec3 front() {
        return spine().cross(across()).unit();
    }

    /** The point along the spine at share {@code z} of the height, as a standing figure's would be at {@code z * height}. */
    public Vec3 level(double z) {
        return hips().plus(spine().times((z - HIP) * height));
    }

    /** Where a prop in the right hand is: just below the wrist ({@link Sight#hand} for a standing figure). */
    public Vec3 hand() {
        return joint(Joint.RIGHT_WRIST).minus(spine().times(HAND_BELOW_WRIST * height));
    }

    /**
     * How high the figure's fingertips reach with an arm raised straight up, flat-footed: the
     * higher shoulder plus {@link #ARM}; 1.25 times the height standing, less seated, kneeling or
     * lying. A top at that height is the highest a prop can be put down on or taken from (rising
     * on the toes lifts the prop over its edge).
     */
    public double reach() {
        return Math.max(joint(Joint.RIGHT_SHOULDER).z(), joint(Joint.LEFT_SHOULDER).z()) + ARM * height;
    }

    /** The joints {@code mix} of the way from {@code a} to {@code b}: a posture changing, eased by the caller. */
    public static Body blend(Body a, Body b, double mix) {
        if (mix <= 0) {
            return a;
        }
        if (mix >= 1) {
            return b;
        }
        Vec3[] j = new Vec3[a.joints.size()];
        for (int i = 0; i < j.length; i++) {
            j[i] = a.joints.get(i).lerp(b.joints.get(i), mix);
        }
        Point f = a.forward.lerp(b.forward, mix);
        return new Body(List.of(j), f.length() < 1e-6 ? b.forward : f.times(1 / f.length()), b.height);
    }

    /**
     * A figure of {@code height} standing at {@code at}, facing {@code facing} compass degrees,
     * {@code travelled} metres into a walk at {@code speed} m/s, its right hand closed on a prop
     * when {@code holding} (held still at {@link Sight#hand}; the free arm swings with the walk).
     */
    public static Body of(Point at, double facing, double height, double travelled, double speed, boolean holding) {
        Point f = Point.ofBearing(facing);
        Point r = new Point(f.y(), -f.x());
        double h = height;
        double swing = SWING * Math.min(1, Math.max(0, speed) / FULL_SWING_SPEED);
        double phase = 2 * Math.PI * travelled / (STRIDE * h);
        double legAngle = swing * StrictMath.sin(phase);
        Vec3[] j = new Vec3[Joint.values().length];
        // Head: eyes at Sight.EYES on the face, ears on the sides, nose a little lower and forward.
        j[Joint.NOSE.ordinal()] = local(at, f, r, 0.065 * h, 0, 0.91 * h);
        j[Joint.RIGHT_EYE.ordinal()] = local(at, f, r, 0.05 * h, 0.022 * h, Sight.EYES * h);
        j[Joint.LEFT_EYE.ordinal()] = local(at, f, r, 0.05 * h, -0.022 * h, Sight.EYES * h);
        j[Joint.RIGHT_EAR.ordinal()] = local(at, f, r, 0, 0.055 * h, 0.92 * h);
        j[Joint.LEFT_EAR.ordinal()] = local(at, f, r, 0, -0.055 * h, 0.92 * h);
        j[Joint.NECK.ordinal()] = local(at, f, r, 0, 0, Sight.HEAD_FROM * h - 0.02 * h);
        Vec3 rs = local(at, f, r, 0, SHOULDER_HALF * h, SHOULDER * h);
        Vec3 ls = local(at, f, r, 0, -SHOULDER_HALF * h, SHOULDER * h);
        j[Joint.RIGHT_SHOULDER.ordinal()] = rs;
        j[Joint.LEFT_SHOULDER.ordinal()] = ls;
        Vec3 hand = Sight.hand(at, facing, h);
        if (holding) {
            // The arm bent a little to carry the prop at the hand the rules look for.
            j[Joint.RIGHT_ELBOW.ordinal()] = local(at, f, r, 0.01 * h, 0.15 * h, 0.63 * h);
            j[Joint.RIGHT_WRIST.ordinal()] = hand.plus(new Vec3(0, 0, HAND_BELOW_WRIST * h));
        } else {
            arm(j, Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST, rs, f, r, 1, -legAngle, h);
        }
        arm(j, Joint.LEFT_ELBOW, Joint.LEFT_WRIST, ls, f, r, -1, legAngle, h);
        leg(j, Joint.RIGHT_HIP, at, f, r, 1, legAngle, h);
        leg(j, Joint.LEFT_HIP, at, f, r, -1, -legAngle, h);
        return new Body(List.of(j), f, h);
    }

    /** A hanging arm swung {@code angle} forward about the shoulder ({@code side} 1 right, -1 left). */
    private static void arm(Vec3[] j, Joint elbow, Joint wrist, Vec3 shoulder, Point f, Point r, int side,
            double angle, double h) {
        Vec3 out = Vec3.of(r.times(side), 0);
        Vec3 down = swing(f, angle);
        j[elbow.ordinal()] = shoulder.plus(down.times(0.18 * h)).plus(out.times(0.03 * h));
        j[wrist.ordinal()] = j[elbow.ordinal()].plus(swing(f, angle * 1.3).times(0.17 * h)).plus(out.times(0.045 * h));
    }

    /** A leg from its hip: the thigh swung {@code angle} forward, the shin bent back while the leg swings through. */
    private static void leg(Vec3[] j, Joint hip, Point at, Point f, Point r, int side, double angle, double h) {
        Vec3 hipAt = local(at, f, r, 0, side * HIP_HALF * h, HIP * h);
        j[hip.ordinal()] = hipAt;
        Vec3 knee = hipAt.plus(swing(f, angle).times((HIP - KNEE) * h));
        j[hip.ordinal() + 1] = knee;
        double bend = Math.max(0, angle) * 0.9;
        j[hip.ordinal() + 2] = knee.plus(swing(f, angle - bend).times((KNEE - ANKLE) * h));
    }

    /** Straight down, turned {@code angle} radians forward (towards {@code f}). */
    private static Vec3 swing(Point f, double angle) {
        return new Vec3(f.x() * StrictMath.sin(angle), f.y() * StrictMath.sin(angle), -StrictMath.cos(angle));
    }

    static Vec3 local(Point at, Point f, Point r, double forward, double right, double z) {
        return Vec3.of(at.plus(f.times(forward)).plus(r.times(right)), z);
    }
}
