package film.slate.store.db;

import java.util.Optional;

/** The render of one recipe: {@code queued}, {@code rendering}, {@code rendered} or {@code failed} (with why). */
public record RenderRecord(String recipe, String shot, int take, String backend, String status,
        Optional<String> reason, int attempts) {
    public static final String QUEUED = "queued";
    public static final String RENDERING = "rendering";
    public static final String RENDERED = "rendered";
    public static final String FAILED = "failed";

    public String label() {
        return shot + "#" + take;
    }
}
