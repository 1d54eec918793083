package film.slate.core.check;

import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
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

    /** The shot played out in time; empty only for shots continuity never saw (duplicate ids). */
    Optional<Staging> staging(Shot shot) {
        Optional<ShotState> state = continuity.shot(shot.fullId()).filter(s -> s.shot() == shot);
        return state.map(s -> staged.computeIfAbsent(shot.fullId(), k -> new Staging(s, production.bible())));
    }
}
