package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.stage.Staging;
import java.util.List;
import java.util.Optional;

/**
 * {@code grammar/180}: across each cut the camera stays on one side of the action line, unless
 * the new shot is marked {@code crosses_line}. The line is measured where the characters stand at
 * the cut; a camera on the line (the neutral band) is on neither side, and a move that carries the
 * camera across the line during a shot is a legal cross, so only cuts are compared.
 */
final class ActionLineRule implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (ScenePlan plan : scene.production().scenes()) {
            if (plan.axis().isEmpty()) {
                continue;
            }
            List<Shot> shots = plan.shots();
            for (int i = 1; i < shots.size(); i++) {
                Shot prev = shots.get(i - 1);
                Shot cur = shots.get(i);
                Optional<Staging> a = scene.staging(prev);
                Optional<Staging> b = scene.staging(cur);
                if (a.isEmpty() || b.isEmpty() || cur.crossesLine()) {
                    continue;
                }
                Optional<ActionLine> lineBefore = ActionLine.of(plan.axis().get(), a.get(), 1);
                Optional<ActionLine> lineAfter = ActionLine.of(plan.axis().get(), b.get(), 0);
                if (lineBefore.isEmpty() || lineAfter.isEmpty()) {
                    continue;
                }
                int before = lineBefore.get().side(a.get().camera(1).eye().plan());
                int after = lineAfter.get().side(b.get().camera(0).eye().plan());
                if (before != 0 && after != 0 && before != after) {
                    d.add(Diagnostic.ofShot(Rule.GRAMMAR_180, cur.camera().where().at("at"), cur.fullId(), "shot "
                            + cur.fullId() + " puts the camera " + side(after) + " of the action line "
                            + lineAfter.get().label() + " but shot " + prev.fullId() + " ends " + side(before)
                            + " of it; move the camera to the same side, cut through a shot on the line, or mark a deliberate cross with 'crosses_line: true'"));
                }
            }
        }
    }

    private static String side(int s) {
        return s > 0 ? "left" : "right";
    }
}
