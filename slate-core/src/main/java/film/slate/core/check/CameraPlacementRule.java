package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Point;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Lens;
import film.slate.core.stage.Staging;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code previz/camera}: cameras previz cannot show truthfully: a lens outside a real kit, a camera
 * on the point it looks at, or a camera inside a figure or a set piece. Checked at the first and the last frame.
 */
final class CameraPlacementRule implements CheckRule {
    /** Closer than this to its aim, a camera has no direction to look in. */
    static final double MIN_AIM_DISTANCE = 0.05;
    /** Radius of a figure on the plan. */
    static final double FIGURE_RADIUS = 0.25;

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Shot shot : scene.production().shots()) {
            double lens = shot.camera().lens();
            if (lens < Lens.MIN_MM || lens > Lens.MAX_MM) {
                d.add(Diagnostic.ofShot(Rule.PREVIZ_CAMERA, shot.camera().where().at("lens"), shot.fullId(), "shot "
                        + shot.fullId() + " uses a " + fmt(lens) + " mm lens, outside the " + fmt(Lens.MIN_MM) + " to "
                        + fmt(Lens.MAX_MM) + " mm that previz shows truthfully; choose a lens in that range"));
            }
            Optional<Staging> staging = scene.staging(shot);
            if (staging.isEmpty()) {
                continue;
            }
            for (double t : new double[] {0, 1}) {
                if (placement(shot, staging.get(), t, d)) {
                    break; // one finding per shot is enough to send the crew to the camera
                }
            }
        }
    }

    private boolean placement(Shot shot, Staging staging, double t, Diagnostics d) {
        CameraPose pose = staging.camera(t);
        String when = t == 0 ? "starts" : "ends";
        if (pose.eye().minus(pose.target()).length() < MIN_AIM_DISTANCE) {
            d.add(Diagnostic.ofShot(Rule.PREVIZ_CAMERA, shot.camera().where().at("at"), shot.fullId(), "the camera of shot "
                    + shot.fullId() + " " + when + " on the point it looks at, so it has no direction; move it back or aim elsewhere"));
            return true;
        }
        for (String c : staging.cast()) {
            Optional<Point> at = staging.position(c, t);
            if (at.isPresent() && at.get().distance(pose.eye().plan()) < FIGURE_RADIUS
                    && pose.eye().z() < staging.height(c) + 0.05 && pose.eye().z() > 0) {
                d.add(Diagnostic.ofShot(Rule.PREVIZ_CAMERA, shot.camera().where().at("at"), shot.fullId(), "the camera of shot "
                        + shot.fullId() + " " + when + " inside " + c + " (" + fmt(at.get().distance(pose.eye().plan()))
                        + " m from their mark); move it at least " + fmt(FIGURE_RADIUS) + " m away"));
                return true;
            }
        }
        for (SetPiece piece : staging.state().pieces()) {
            if (piece.covers(pose.eye().plan()) && pose.eye().z() < piece.height() && pose.eye().z() > 0) {
                d.add(Diagnostic.ofShot(Rule.PREVIZ_CAMERA, shot.camera().where().at("at"), shot.fullId(), "the camera of shot "
                        + shot.fullId() + " " + when + " inside the set piece " + piece.id() + " (" + fmt(piece.height())
                        + " m high); move it off the piece, or raise it above " + fmt(piece.height()) + " m"));
                return true;
            }
        }
        return false;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
