package film.slate.core.check;

import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.stage.Staging;

/**
 * A cut within a scene: the shot before it and the shot after it, both staged. The grammar rules
 * judge cuts, so they all walk the same list.
 */
record Cut(ScenePlan plan, Shot before, Shot after, Staging staged, Staging next) {
}
