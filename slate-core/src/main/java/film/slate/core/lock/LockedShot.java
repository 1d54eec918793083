package film.slate.core.lock;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.recipe.Recipe;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One locked shot: the take version whose picture is final, the recipe it was made from (with its
 * input recipes, such as the previz a ComfyUI take conditions on) and its master's hash.
 *
 * @param position where the shot's entry stands in lock.yaml (the file itself for a new entry)
 */
public record LockedShot(String shot, int take, int version, Recipe recipe, String master, String by, Instant at,
        Optional<String> reason, SourcePosition position) {
    public LockedShot {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(position, "position");
    }

    /** {@code take 1 v2}: how messages name the locked take version. */
    public String takeVersion() {
        return "take " + take + " v" + version;
    }
}
