package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Blocking;
import film.slate.core.model.Point;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.Optional;

/**
 * {@code grammar/screen-direction}: a character who moves in two consecutive shots keeps moving
 * the same way across the screen. Each walk is projected into its own camera's picture (at the
 * middle of the shot) and only clear sideways movement counts; walks to or from the lens do not.
 */
final class ScreenDirectionRule implements CheckRule {
    /** Sideways travel, as a share of the frame width, below which a walk has no screen direction. */
    static final double MIN_TRAVEL = 0.05;

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Cut cut : scene.cuts()) {
            for (Blocking walk : cut.after().blocking().values()) {
                if (!cut.before().blocking().containsKey(walk.character())) {
                    continue;
                }
                Optional<Double> before = travel(cut.staged(), walk.character());
                Optional<Double> after = travel(cut.next(), walk.character());
                if (before.isPresent() && after.isPresent() && Math.signum(before.get()) != Math.signum(after.get())) {
                    d.add(Diagnostic.ofShot(Rule.GRAMMAR_SCREEN_DIRECTION, walk.where().self(), cut.after().fullId(),
                            walk.character() + " moves " + way(after.get()) + " on screen in shot " + cut.after().fullId()
                                    + " but " + way(before.get()) + " in shot " + cut.before().fullId()
                                    + "; keep the camera on one side of the movement or show the turn"));
                }
            }
        }
    }

    /** Sideways screen travel of a walk, as a share of the frame width; empty when it is not clearly sideways. */
    static Optional<Double> travel(Staging staging, String character) {
        Optional<Point> from = staging.position(character, 0);
        Optional<Point> to = staging.position(character, 1);
        if (from.isEmpty() || to.isEmpty() || from.get().distance(to.get()) < 1e-6) {
            return Optional.empty();
        }
        CameraPose pose = staging.camera(0.5);
        double z = staging.height(character) / 2;
        Optional<Point> a = pose.project(Vec3.of(from.get(), z));
        Optional<Point> b = pose.project(Vec3.of(to.get(), z));
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        double dx = (b.get().x() - a.get().x()) / 2; // projected x spans [-1, 1] across the frame
        return Math.abs(dx) < MIN_TRAVEL ? Optional.empty() : Optional.of(dx);
    }

    private static String way(double dx) {
        return dx > 0 ? "left to right" : "right to left";
    }
}
