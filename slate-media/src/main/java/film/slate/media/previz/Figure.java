package film.slate.media.previz;

import film.slate.core.model.Point;
import film.slate.core.stage.Body;
import film.slate.core.stage.Body.Joint;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A mannequin for a character, hung on its {@link Body} (the skeleton the pose pass draws): a head
 * with a dark visor at the eyes and a nose, so that facing and eyelines read at a glance; neck,
 * chest and pelvis along the spine; upper arms, forearms and hands; thighs, shins and feet. Every
 * part is a prism between two joints or two points of the spine, sized in shares of the height, so
 * a standing figure is exactly as tall as the bible says (the head's top at the height, the soles
 * on the floor) and a seated, kneeling or lying one is the same body folded.
 */
final class Figure {
    /** Half-depth (front to back) of the head, as a share of the height: camera-truth tests use it. */
    static final double HEAD_HALF_DEPTH = 0.065;
    private static final Color VISOR = new Color(24, 24, 28);

    private Figure() {
    }

    /** The faces of the mannequin on {@code body}, lit in {@code color}, in whatever posture the body is in. */
    static List<Face> faces(Body body, Color color, Light light) {
        double h = body.height();
        Vec3 side = body.across();
        Vec3 front = body.front();
        Color limb = shade(color, 0.85);
        List<Face> out = new ArrayList<>();
        // Head, neck, chest and pelvis along the spine, at the shares of the height a standing figure has them.
        trunk(out, body, Sight.HEAD_FROM, 1, Sight.HEAD_HALF_WIDTH, HEAD_HALF_DEPTH, color, light);
        trunk(out, body, 0.80, Sight.HEAD_FROM, 0.025, 0.03, limb, light);
        trunk(out, body, 0.60, 0.815, 0.10, 0.075, color, light);
        trunk(out, body, 0.47, 0.60, 0.09, 0.07, limb, light);
        // The face: a visor across the eyes, a hair proud of the head, and a nose under it.
        Vec3 proud = front.times(HEAD_HALF_DEPTH * h + 0.004);
        Vec3 hw = side.times(0.045 * h);
        Vec3 lo = body.level(0.90).plus(proud);
        Vec3 hi = body.level(0.94).plus(proud);
        out.add(outward(List.of(lo.minus(hw), lo.plus(hw), hi.plus(hw), hi.minus(hw)), body.level(0.90), VISOR));
        Vec3 nose = front.times(HEAD_HALF_DEPTH * h + 0.012 * h);
        out.addAll(prism(body.level(0.875).plus(nose), body.level(0.90).plus(nose), side, 0.011 * h, 0.012 * h,
                shade(color, 1.15), light));
        limb(out, body, Joint.RIGHT_SHOULDER, Joint.RIGHT_ELBOW, 0.028 * h, side, limb, light);
        limb(out, body, Joint.LEFT_SHOULDER, Joint.LEFT_ELBOW, 0.028 * h, side, limb, light);
        limb(out, body, Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST, 0.024 * h, side, limb, light);
        limb(out, body, Joint.LEFT_ELBOW, Joint.LEFT_WRIST, 0.024 * h, side, limb, light);
        hand(out, body, Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST, side, color, light);
        hand(out, body, Joint.LEFT_ELBOW, Joint.LEFT_WRIST, side, color, light);
        limb(out, body, Joint.RIGHT_HIP, Joint.RIGHT_KNEE, 0.045 * h, side, color, light);
        limb(out, body, Joint.LEFT_HIP, Joint.LEFT_KNEE, 0.045 * h, side, color, light);
        limb(out, body, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE, 0.036 * h, side, color, light);
        limb(out, body, Joint.LEFT_KNEE, Joint.LEFT_ANKLE, 0.036 * h, side, color, light);
        foot(out, body, Joint.RIGHT_ANKLE, limb, light);
        foot(out, body, Joint.LEFT_ANKLE, limb, light);
        return out;
    }

    /** A block of the trunk from share {@code z0} to {@code z1} of the height along the spine, its half sizes as shares too. */
    private static void trunk(List<Face> out, Body body, double z0, double z1, double halfWidth, double halfDepth, Color c,
            Light light) {
        double h = body.height();
        out.addAll(prism(body.level(z0), body.level(z1), body.across(), halfWidth * h, halfDepth * h, c, light));
    }

    private static void limb(List<Face> out, Body body, Joint from, Joint to, double half, Vec3 side, Color c,
            Light light) {
        out.addAll(prism(body.joint(from), body.joint(to), side, half, half, c, light));
    }

    /** A hand: a short block on from the wrist, along the forearm. */
    private static void hand(List<Face> out, Body body, Joint elbow, Joint wrist, Vec3 side, Color c, Light light) {
        Vec3 w = body.joint(wrist);
        Vec3 along = w.minus(body.joint(elbow)).unit();
        double h = body.height();
        out.addAll(prism(w, w.plus(along.times(0.05 * h)), side, 0.022 * h, 0.016 * h, c, light));
    }

    /** A foot from a little behind the ankle to the toes, its sole under the ankle (on the floor while standing). */
    private static void foot(List<Face> out, Body body, Joint ankle, Color c, Light light) {
        double h = body.height();
        Vec3 up = body.spine();
        Vec3 front = body.front();
        Vec3 sole = body.joint(ankle).minus(up.times(Body.ANKLE * h)).plus(up.times(0.0275 * h));
        Vec3 heel = sole.minus(front.times(0.03 * h));
        Vec3 toe = sole.plus(front.times(Body.TOES * h));
        out.addAll(prism(heel, toe, body.across(), 0.03 * h, 0.0275 * h, c, light));
    }

    /** A square-sectioned prism from {@code a} to {@code b}, its width along {@code side} made square to its axis. */
    static List<Face> prism(Vec3 a, Vec3 b, Vec3 side, double halfWidth, double halfDepth, Color color, Light light) {
        Vec3 axis = b.minus(a).unit();
        Vec3 s = side.minus(axis.times(side.dot(axis)));
        s = s.length() < 1e-9 ? new Vec3(1, 0, 0) : s.unit();
        Vec3 d = axis.cross(s).unit();
        Vec3 sw = s.times(halfWidth);
        Vec3 dd = d.times(halfDepth);
        Vec3[] lo = {a.plus(sw).plus(dd), a.minus(sw).plus(dd), a.minus(sw).minus(dd), a.plus(sw).minus(dd)};
        Vec3[] hi = {b.plus(sw).plus(dd), b.minus(sw).plus(dd), b.minus(sw).minus(dd), b.plus(sw).minus(dd)};
        Vec3 centre = a.lerp(b, 0.5);
        List<Face> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int k = (i + 1) % 4;
            out.add(light.face(outward(List.of(lo[i], lo[k], hi[k], hi[i]), centre, color)));
        }
        out.add(light.face(outward(List.of(lo[0], lo[1], lo[2], lo[3]), centre, color)));
        out.add(light.face(outward(List.of(hi[0], hi[1], hi[2], hi[3]), centre, color)));
        return out;
    }

    private static Color shade(Color c, double k) {
        return new Color(clamp(c.getRed() * k), clamp(c.getGreen() * k), clamp(c.getBlue() * k));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /**
     * A face of {@code color} on the corners, wound so that its normal points away from {@code centre}:
     * the face the test is made on is the one returned, so its centroid and normal are worked out once.
     */
    static Face outward(List<Vec3> corners, Vec3 centre, Color color) {
        Face f = new Face(corners, color);
        if (f.normal().dot(f.centroid().minus(centre)) >= 0) {
            return f;
        }
        List<Vec3> reversed = new ArrayList<>(corners);
        java.util.Collections.reverse(reversed);
        return new Face(reversed, color);
    }

    /** An axis-aligned (to the figure) box: {@code f} forward, {@code r} right, from {@code z0} to {@code z1}. */
    static List<Face> box(Point at, Point f, Point r, double z0, double z1, double halfWidth, double halfDepth, Color color,
            Light light) {
        Point fr = at.plus(f.times(halfDepth)).plus(r.times(halfWidth));
        Point fl = at.plus(f.times(halfDepth)).minus(r.times(halfWidth));
        Point br = at.minus(f.times(halfDepth)).plus(r.times(halfWidth));
        Point bl = at.minus(f.times(halfDepth)).minus(r.times(halfWidth));
        Vec3 centre = Vec3.of(at, (z0 + z1) / 2);
        List<Face> out = new ArrayList<>();
        for (List<Vec3> quad : List.of(
                List.of(Vec3.of(fl, z0), Vec3.of(fr, z0), Vec3.of(fr, z1), Vec3.of(fl, z1)),
                List.of(Vec3.of(br, z0), Vec3.of(bl, z0), Vec3.of(bl, z1), Vec3.of(br, z1)),
                List.of(Vec3.of(fr, z0), Vec3.of(br, z0), Vec3.of(br, z1), Vec3.of(fr, z1)),
                List.of(Vec3.of(bl, z0), Vec3.of(fl, z0), Vec3.of(fl, z1), Vec3.of(bl, z1)),
                List.of(Vec3.of(fl, z1), Vec3.of(fr, z1), Vec3.of(br, z1), Vec3.of(bl, z1)),
                List.of(Vec3.of(bl, z0), Vec3.of(br, z0), Vec3.of(fr, z0), Vec3.of(fl, z0)))) {
            out.add(light.face(outward(quad, centre, color)));
        }
        return out;
    }
}
