package film.slate.engine.build;

import film.slate.store.db.RenderRecord;
import java.util.Locale;

/**
 * Where the render of one recipe stands, as the store records it (the word is the stored value):
 * {@code missing} when {@code slate verify --repair} found its objects bad.
 */
enum RenderState {
    QUEUED, RENDERING, RENDERED, FAILED, MISSING;

    static RenderState of(RenderRecord r) {
        return valueOf(r.status().toUpperCase(Locale.ROOT));
    }

    /** Whether the render is still under way or failed: what status shows of a take before its versions. */
    boolean open() {
        return this == QUEUED || this == RENDERING || this == FAILED;
    }

    /** The phase a take whose render stands here is in. */
    TakeState.Phase phase() {
        return TakeState.Phase.valueOf(name());
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
