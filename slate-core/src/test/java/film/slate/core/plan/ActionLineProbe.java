package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.Continuity;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.stage.Staging;

/** For tests: where a shot's camera lands when mirrored across its scene's action line (so it crosses it). */
final class ActionLineProbe {
    private ActionLineProbe() {
    }

    static String across(Production p, Shot shot) {
        var plan = p.scene(shot.scene()).orElseThrow();
        Staging staging = new Staging(Continuity.of(p).shot(shot.fullId()).orElseThrow(), p.bible());
        ActionLine line = ActionLine.of(plan.axis().orElseThrow(), staging, 0).orElseThrow();
        return QuickFixes.mirror(shot.camera().at(), line).toString();
    }
}
