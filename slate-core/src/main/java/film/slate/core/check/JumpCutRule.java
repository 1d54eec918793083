package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Point;
import film.slate.core.model.Shot;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code grammar/30-degree}: two consecutive shots of the same first subject must change the
 * camera's horizontal angle on that subject by 30 degrees or more, or the shot size by two steps
 * or more; otherwise the cut jumps. Angles are measured at the cut.
 */
final class JumpCutRule implements CheckRule {
    static final double MIN_ANGLE = 30;
    static final int MIN_SIZE_STEPS = 2;

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Cut cut : scene.cuts()) {
            Shot prev = cut.before();
            Shot cur = cut.after();
            if (prev.subjects().isEmpty() || cur.subjects().isEmpty()
                    || !prev.subjects().get(0).equals(cur.subjects().get(0))
                    || prev.framing().stepsTo(cur.framing()) >= MIN_SIZE_STEPS) {
                continue;
            }
            String subject = cur.subjects().get(0);
            Optional<Point> at = cut.next().position(subject, 0);
            if (at.isEmpty()) {
                continue; // a prop or someone not in the scene: no mark to measure from
            }
            Point before = cut.staged().camera(1).eye().plan();
            Point after = cut.next().camera(0).eye().plan();
            if (before.distance(at.get()) < 1e-6 || after.distance(at.get()) < 1e-6) {
                continue;
            }
            double angle = difference(at.get().bearingTo(before), at.get().bearingTo(after));
            if (angle < MIN_ANGLE) {
                d.add(Diagnostic.ofShot(Rule.GRAMMAR_30_DEGREE, cur.camera().where().at("at"), cur.fullId(), "shot "
                        + cur.fullId() + " sees " + subject + " from " + String.format(Locale.ROOT, "%.0f", angle)
                        + " degrees off shot " + prev.fullId() + " at a similar size (" + prev.framing() + " to "
                        + cur.framing() + "), a jump cut; move the camera at least " + (int) MIN_ANGLE
                        + " degrees around " + subject + " or change the framing by two sizes"));
            }
        }
    }

    /** The smaller angle between two bearings, in [0, 180]. */
    static double difference(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
