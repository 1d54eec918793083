package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.model.Point;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where people are across the picture, for the solver: the scene's left-to-right order kept from
 * shot to shot, each speaker looking across the screen toward their partner's side, and the angle
 * each idiom would ideally take on the camera side of the line.
 */
final class ScreenOrder {
    private final int side;

    ScreenOrder(int side) {
        this.side = side;
    }

    /** Whether every two characters in the picture stand in the scene's left-to-right order. */
    static boolean ordered(Staging staging, Map<String, Double> order, double[] instants) {
        for (double t : instants) {
            CameraPose pose = staging.camera(t);
            List<double[]> seen = new ArrayList<>();
            for (String c : staging.cast()) {
                Double rank = order.get(c);
                Optional<Point> p = pose.project(Vec3.of(staging.position(c, t).orElseThrow(), staging.height(c) * Sight.EYES));
                if (rank != null && p.isPresent() && Math.abs(p.get().x()) <= 1.3) {
                    seen.add(new double[] {rank, p.get().x()});
                }
            }
            for (double[] a : seen) {
                for (double[] b : seen) {
                    if (a[0] < b[0] && a[1] > b[1]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether the subject looks across the screen toward their partner from the side the partner
     * stands on in the scene's order, so that in the reverse the partner looks back the other way.
     */
    boolean facesPartner(Beat beat, Staging staging, Map<String, Double> order, Optional<ActionLine> line) {
        if (beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO || beat.subjects().size() < 2) {
            return true;
        }
        String s = beat.subjects().get(0);
        String p = beat.subjects().get(1);
        Optional<Point> partner = staging.position(p, 0);
        if (partner.isEmpty()) {
            return true;
        }
        Vec3 eyes = Vec3.of(staging.position(s, 0).orElseThrow(), staging.height(s) * Sight.EYES);
        Point toward = partner.get().minus(eyes.plan());
        if (toward.length() < 1e-6) {
            return true;
        }
        CameraPose pose = staging.camera(0);
        Optional<Point> from = pose.project(eyes);
        Optional<Point> to = pose.project(Vec3.of(eyes.plan().plus(toward.times(0.3 / toward.length())), eyes.z()));
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        double rs = rank(s, staging, order, line);
        double rp = rank(p, staging, order, line);
        return (to.get().x() - from.get().x()) * Math.signum(rp - rs) > 0;
    }

    /** Where a character stands left to right: across the master's picture, else along the action line as the camera side sees it. */
    private double rank(String c, Staging staging, Map<String, Double> order, Optional<ActionLine> line) {
        if (order.containsKey(c) && order.size() >= 2) {
            return order.get(c);
        }
        Point at = staging.position(c, 0).orElseThrow();
        return line.map(l -> {
            Point d = l.to().minus(l.from());
            return -side * at.minus(l.from()).dot(d) / d.length();
        }).orElse(at.x());
    }

    /** The bearing from the aim at which the idiom would put the camera, on the camera side of the line. */
    double ideal(Beat beat, Staging staging, Optional<ActionLine> line, Point from) {
        double square = line.map(l -> {
            Point dir = l.to().minus(l.from());
            Point left = new Point(-dir.y(), dir.x());
            return new Point(0, 0).bearingTo(side > 0 ? left : left.times(-1));
        }).orElse(180.0);
        if (beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO || beat.subjects().size() < 2
                || staging.position(beat.subjects().get(1), 0).isEmpty()) {
            return square;
        }
        double toPartner = from.bearingTo(staging.position(beat.subjects().get(1), 0).orElseThrow());
        double off = switch (beat.idiom()) {
            case OTS -> 12;
            case REACTION -> 40;
            default -> 45;
        };
        double a = toPartner + off;
        Point probe = from.plus(Point.ofBearing(a));
        boolean right = line.map(l -> l.signedDistance(probe) * side > l.signedDistance(from) * side).orElse(true);
        return ((right ? a : toPartner - off) % 360 + 360) % 360;
    }
}
