package film.slate.core.stage;

import film.slate.core.model.Point;
import film.slate.core.model.Posture;
import film.slate.core.stage.Body.Joint;
import java.util.List;

/**
 * The skeleton in each {@link Posture}, built from the standing one so that proportions never
 * differ: sitting (the pelvis on the seat, thighs forward, shins down to the floor or dangling,
 * forearms on the lap), kneeling (on both knees, thighs upright, shins flat behind), lying (on the
 * back along the facing direction, head that way, face up). The mark is where the pelvis is.
 */
public final class Poses {
    /** How far the hip joints sit above the seat: the pelvis rests on it. */
    static final double HIP_ABOVE_SEAT = 0.03;
    /** How high a lying body's spine is above what it lies on: half the chest's depth. */
    static final double BACK = 0.075;

    private Poses() {
    }

    /**
     * A figure of {@code height} in {@code posture} at {@code at}, facing {@code facing}, on a
     * surface {@code seat} metres high (0: the floor), its right hand closed on a prop when
     * {@code holding}. A standing figure ignores the seat: it stands on the floor.
     */
    public static Body of(Posture posture, Point at, double facing, double height, double seat, boolean holding) {
        Body upright = Body.of(at, facing, height, 0, 0, holding);
        return switch (posture) {
            case STAND -> upright;
            case SIT -> sitting(upright, at, seat);
            case KNEEL -> kneeling(upright, at, seat);
            case LIE -> lying(upright, at, seat);
        };
    }

    private static Body sitting(Body upright, Point at, double seat) {
        double h = upright.height();
        Point f = upright.forward();
        Point r = upright.right();
        double hip = seat + HIP_ABOVE_SEAT * h;
        Vec3[] j = raised(upright, hip - Body.HIP * h);
        for (int side : new int[] {1, -1}) {
            Joint shoulder = side > 0 ? Joint.RIGHT_SHOULDER : Joint.LEFT_SHOULDER;
            Vec3 elbow = j[shoulder.ordinal()].plus(new Vec3(0, 0, -0.18 * h)).plus(Vec3.of(r.times(side * 0.03 * h), 0));
            j[shoulder.ordinal() + 1] = elbow;
            j[shoulder.ordinal() + 2] = elbow.plus(Vec3.of(f.times(0.15 * h), -0.07 * h)); // forearms on the lap
            legSeated(j, side > 0 ? Joint.RIGHT_HIP : Joint.LEFT_HIP, Body.local(at, f, r, 0, side * Body.HIP_HALF * h, hip),
                    f, h);
        }
        return new Body(List.of(j), f, h);
    }

    /** Thigh forward from the hip; the shin straight down when the seat is high enough, else the knee rises and the foot rests on the floor. */
    private static void legSeated(Vec3[] j, Joint hipJoint, Vec3 hip, Point f, double h) {
        double thigh = (Body.HIP - Body.KNEE) * h;
        double shin = (Body.KNEE - Body.ANKLE) * h;
        double drop = hip.z() - Body.ANKLE * h;
        j[hipJoint.ordinal()] = hip;
        if (drop >= shin) {
            Vec3 knee = hip.plus(Vec3.of(f.times(thigh), 0));
            j[hipJoint.ordinal() + 1] = knee;
            j[hipJoint.ordinal() + 2] = knee.plus(new Vec3(0, 0, -shin));
            return;
        }
        // The reach of a right-angled knee; the thigh rises until the foot finds the floor.
        double reach = StrictMath.hypot(thigh, shin);
        double ahead = Math.sqrt(Math.max(0, reach * reach - drop * drop));
        double toAnkle = StrictMath.atan2(-drop, ahead);
        double angle = toAnkle + StrictMath.acos(Math.min(1, thigh / reach));
        Vec3 knee = hip.plus(Vec3.of(f.times(thigh * StrictMath.cos(angle)), thigh * StrictMath.sin(angle)));
        j[hipJoint.ordinal() + 1] = knee;
        j[hipJoint.ordinal() + 2] = hip.plus(Vec3.of(f.times(ahead), -drop));
    }

    private static Body kneeling(Body upright, Point at, double seat) {
        double h = upright.height();
        Point f = upright.forward();
        Point r = upright.right();
        double knee = seat + Body.ANKLE * h;
        double hip = knee + (Body.HIP - Body.KNEE) * h;
        Vec3[] j = raised(upright, hip - Body.HIP * h);
        for (int side : new int[] {1, -1}) {
            Joint hipJoint = side > 0 ? Joint.RIGHT_HIP : Joint.LEFT_HIP;
            j[hipJoint.ordinal()] = Body.local(at, f, r, 0, side * Body.HIP_HALF * h, hip);
            j[hipJoint.ordinal() + 1] = Body.local(at, f, r, 0, side * Body.HIP_HALF * h, knee);
            j[hipJoint.ordinal() + 2] = Body.local(at, f, r, -(Body.KNEE - Body.ANKLE) * h, side * Body.HIP_HALF * h, knee);
        }
        return new Body(List.of(j), f, h);
    }

    /** On the back: the standing skeleton turned so its up runs along the facing and its front to the sky. */
    private static Body lying(Body upright, Point at, double seat) {
        double h = upright.height();
        Point f = upright.forward();
        Point r = upright.right();
        Vec3 up = Vec3.of(f, 0);
        Vec3 sky = new Vec3(0, 0, 1);
        Vec3 side = sky.cross(up);
        Vec3 origin = Vec3.of(at, seat + BACK * h);
        Vec3[] j = new Vec3[Joint.values().length];
        for (Joint joint : Joint.values()) {
            Vec3 p = upright.joint(joint);
            Point rel = p.plan().minus(at);
            double ahead = rel.dot(f);
            double right = rel.dot(r);
            j[joint.ordinal()] = origin.plus(up.times(p.z() - Body.HIP * h)).plus(side.times(right)).plus(sky.times(ahead));
        }
        return new Body(List.of(j), f, h);
    }

    /** The standing joints with the head, neck, shoulders and arms raised by {@code dz} (the legs are set after). */
    private static Vec3[] raised(Body upright, double dz) {
        Vec3[] j = upright.joints().toArray(new Vec3[0]);
        Vec3 lift = new Vec3(0, 0, dz);
        for (Joint joint : Joint.values()) {
            j[joint.ordinal()] = j[joint.ordinal()].plus(lift);
        }
        return j;
    }
}
