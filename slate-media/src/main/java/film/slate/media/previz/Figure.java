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
 * chest and pelvis; upper arms, forearms and hands; thighs, shins and feet. Every part is a
 * prism between two joints, sized in shares of the height, so a figure is exactly as tall as the
 * bible says (the head's top at the height, the soles on the floor).
 */
final class Figure {
    /** Half-depth (front to back) of the head, as a share of the height: camera-truth tests use it. */
    static final double HEAD_HALF_DEPTH = 0.065;
    private static final Color VISOR = new Color(24, 24, 28);

    private Figure() {
    }

    /** The faces of the mannequin on {@code body}, lit in {@code color}. */
    static List<Face> faces(Body body, Color color, Light light) {
        double h = body.height();
        Point f = body.forward();
        Point r = body.right();
        Point at = body.joint(Joint.NECK).plan();
        Vec3 side = Vec3.of(r, 0);
        Color limb = shade(color, 0.85);
        List<Face> out = new ArrayList<>();
        out.addAll(box(at, f, r, Sight.HEAD_FROM * h, h, Sight.HEAD_HALF_WIDTH * h, HEAD_HALF_DEPTH * h, color, light));
        out.addAll(box(at, f, r, 0.80 * h, Sight.HEAD_FROM * h, 0.025 * h, 0.03 * h, limb, light));
        out.addAll(box(at, f, r, 0.60 * h, 0.815 * h, 0.10 * h, 0.075 * h, color, light));
        out.addAll(box(at, f, r, 0.47 * h, 0.60 * h, 0.09 * h, 0.07 * h, limb, light));
        // The face: a visor across the eyes, a hair proud of the head, and a nose under it.
        Point front = at.plus(f.times(HEAD_HALF_DEPTH * h + 0.004));
        double hw = 0.045 * h;
        double lo = 0.90 * h;
        double hi = 0.94 * h;
        out.add(new Face(outward(List.of(Vec3.of(front.minus(r.times(hw)), lo), Vec3.of(front.plus(r.times(hw)), lo),
                Vec3.of(front.plus(r.times(hw)), hi), Vec3.of(front.minus(r.times(hw)), hi)), Vec3.of(at, lo)), VISOR));
        out.addAll(box(at.plus(f.times(HEAD_HALF_DEPTH * h + 0.012 * h)), f, r, 0.875 * h, 0.90 * h, 0.011 * h,
                0.012 * h, shade(color, 1.15), light));
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

    /** A foot from a little behind the ankle to the toes, its sole on the floor at rest. */
    private static void foot(List<Face> out, Body body, Joint ankle, Color c, Light light) {
        double h = body.height();
        Vec3 a = body.joint(ankle);
        Point f = body.forward();
        double sole = a.z() - Body.ANKLE * h;
        Point heel = a.plan().minus(f.times(0.03 * h));
        Point toe = a.plan().plus(f.times(Body.TOES * h));
        Point mid = heel.lerp(toe, 0.5);
        out.addAll(box(mid, f, body.right(), sole, sole + 0.055 * h, 0.03 * h, heel.distance(toe) / 2, c, light));
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
            out.add(light.face(outward(List.of(lo[i], lo[k], hi[k], hi[i]), centre), color));
        }
        out.add(light.face(outward(List.of(lo[0], lo[1], lo[2], lo[3]), centre), color));
        out.add(light.face(outward(List.of(hi[0], hi[1], hi[2], hi[3]), centre), color));
        return out;
    }

    private static Color shade(Color c, double k) {
        return new Color(clamp(c.getRed() * k), clamp(c.getGreen() * k), clamp(c.getBlue() * k));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The corners wound so that the face's normal points away from {@code centre}. */
    static List<Vec3> outward(List<Vec3> corners, Vec3 centre) {
        Face f = new Face(corners, Color.BLACK);
        if (f.normal().dot(f.centroid().minus(centre)) >= 0) {
            return corners;
        }
        List<Vec3> reversed = new ArrayList<>(corners);
        java.util.Collections.reverse(reversed);
        return reversed;
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
            out.add(light.face(outward(quad, centre), color));
        }
        return out;
    }
}
