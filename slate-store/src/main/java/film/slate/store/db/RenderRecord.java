package film.slate.store.db;

import java.util.Optional;

/** The render of one recipe: {@code queued}, {@code rendering}, {@code rendered}, {@code failed} (with why) or {@code missing}. */
public record RenderRecord(String recipe, String shot, int take, String backend, String status,
        Optional<String> reason, int attempts) {
    public static final String QUEUED = "queued";
    public static final String RENDERING = "rendering";
    public static final String RENDERED = "rendered";
    public static final String FAILED = "failed";
    /** Rendered once, but its output was found damaged or missing ({@code slate verify --repair}): queued again by the next build. */
    public static final String MISSING = "missing";

    public String label() {
        return shot + "#" + take;
    }
}
