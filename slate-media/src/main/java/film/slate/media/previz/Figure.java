package film.slate.media.previz;

import film.slate.core.model.Point;
import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a character: legs, torso and head as boxes scaled to the character's height, a
 * dark visor where the eyes are so that facing reads at a glance, and the name above the head.
 * The proportions are fractions of the height, so a figure is exactly as tall as the bible says.
 */
final class Figure {
    /** Half-depths (front to back) of legs, torso and head, as fractions of height: camera-truth tests use them. */
    static final double LEGS_HALF_DEPTH = 0.07;
    static final double TORSO_HALF_DEPTH = 0.08;
    static final double HEAD_HALF_DEPTH = 0.065;

    private Figure() {
    }

    /** The faces of a figure of {@code height} at {@code at} facing {@code facing} compass degrees. */
    static List<Face> faces(Point at, double facing, double height, Color color, Light light) {
        Point f = Point.ofBearing(facing);
        Point r = new Point(f.y(), -f.x());
        List<Face> out = new ArrayList<>();
        out.addAll(box(at, f, r, 0.0, 0.47 * height, 0.09 * height, LEGS_HALF_DEPTH * height, color, light));
        out.addAll(box(at, f, r, 0.47 * height, 0.81 * height, 0.125 * height, TORSO_HALF_DEPTH * height, color, light));
        out.addAll(box(at, f, r, 0.84 * height, height, 0.055 * height, HEAD_HALF_DEPTH * height, color, light));
        // The visor: a dark band across the front of the head, a hair in front of it.
        Point front = at.plus(f.times(HEAD_HALF_DEPTH * height + 0.004));
        double hw = 0.045 * height;
        double lo = 0.90 * height;
        double hi = 0.94 * height;
        out.add(new Face(outward(List.of(Vec3.of(front.minus(r.times(hw)), lo), Vec3.of(front.plus(r.times(hw)), lo),
                Vec3.of(front.plus(r.times(hw)), hi), Vec3.of(front.minus(r.times(hw)), hi)), Vec3.of(at, lo)),
                new Color(24, 24, 28)));
        return out;
    }

    /** Where the hand is that holds props. */
    static Vec3 hand(Point at, double facing, double height) {
        return film.slate.core.stage.Sight.hand(at, facing, height); // the rules look for props where previz draws them
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
