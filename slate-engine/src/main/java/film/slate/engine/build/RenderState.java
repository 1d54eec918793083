package film.slate.engine.build;

import film.slate.store.db.RenderRecord;
import java.util.Locale;

/** Where the render of one recipe stands, as the store records it (the word is the stored value). */
enum RenderState {
    QUEUED, RENDERING, RENDERED, FAILED;

    static RenderState of(RenderRecord r) {
        return valueOf(r.status().toUpperCase(Locale.ROOT));
    }

    /** The phase a take whose render stands here is in. */
    TakeState.Phase phase() {
        return TakeState.Phase.valueOf(name());
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
