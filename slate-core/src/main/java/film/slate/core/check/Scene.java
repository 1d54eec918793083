package film.slate.core.check;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every rule looks at: the production, its continuity, and each shot staged in time. Named
 * for the film set, where everything a rule needs is in view at once.
 */
final class Scene {
    private final Production production;
    private final Continuity continuity;
    private final Strictness strictness;
    private final Map<String, Staging> staged = new HashMap<>();

    Scene(Production production, Continuity continuity, Strictness strictness) {
        this.production = production;
        this.continuity = continuity;
        this.strictness = strictness;
    }

    Production production() {
        return production;
    }

    Continuity continuity() {
        return continuity;
    }

    Strictness strictness() {
        return strictness;
    }

    /** Every cut of every scene in edit order, between shots that could both be staged. */
    java.util.List<Cut> cuts() {
        java.util.List<Cut> cuts = new java.util.ArrayList<>();
        for (film.slate.core.model.ScenePlan plan : production.scenes()) {
            for (int i = 1; i < plan.shots().size(); i++) {
                Shot before = plan.shots().get(i - 1);
                Shot after = plan.shots().get(i);
                Optional<Staging> a = staging(before);
                Optional<Staging> b = staging(after);
                if (a.isPresent() && b.isPresent()) {
                    cuts.add(new Cut(plan, before, after, a.get(), b.get()));
                }
            }
        }
        return cuts;
    }

    /** What the camera of {@code shot} sees, at the production's picture shape. */
    Optional<Sight> sight(Shot shot) {
        double aspect = (double) production.manifest().format().height() / production.manifest().format().width();
        return staging(shot).map(s -> new Sight(s, aspect));
    }

    /** The shot played out in time; empty only for shots continuity never saw (duplicate ids). */
    Optional<Staging> staging(Shot shot) {
        Optional<ShotState> state = continuity.shot(shot.fullId()).filter(s -> s.shot() == shot);
        return state.map(s -> staged.computeIfAbsent(shot.fullId(), k -> new Staging(s, production.bible())));
    }
}
