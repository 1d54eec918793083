package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Shot;
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
        for (Cut cut : scene.cuts()) {
            if (cut.plan().axis().isEmpty() || cut.after().crossesLine()) {
                continue;
            }
            Optional<ActionLine> lineBefore = ActionLine.of(cut.plan().axis().get(), cut.staged(), 1);
            Optional<ActionLine> lineAfter = ActionLine.of(cut.plan().axis().get(), cut.next(), 0);
            if (lineBefore.isEmpty() || lineAfter.isEmpty()) {
                continue;
            }
            int before = lineBefore.get().side(cut.staged().camera(1).eye().plan());
            int after = lineAfter.get().side(cut.next().camera(0).eye().plan());
            if (before != 0 && after != 0 && before != after) {
                Shot cur = cut.after();
                d.add(Diagnostic.ofShot(Rule.GRAMMAR_180, cur.camera().where().at("at"), cur.fullId(), "shot "
                        + cur.fullId() + " puts the camera " + side(after) + " of the action line "
                        + lineAfter.get().label() + " but shot " + cut.before().fullId() + " ends " + side(before)
                        + " of it; move the camera to the same side, cut through a shot on the line, or mark a deliberate cross with 'crosses_line: true'"));
            }
        }
    }

    private static String side(int s) {
        return s > 0 ? "left" : "right";
    }
}
