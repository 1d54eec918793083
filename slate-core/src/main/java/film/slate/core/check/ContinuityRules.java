package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostics;

/** Reports what continuity found while it derived state: props not held, wardrobe that jumps. */
final class ContinuityRules implements CheckRule {
    @Override
    public void check(Scene scene, Diagnostics d) {
        d.addAll(scene.continuity().faults());
    }
}
