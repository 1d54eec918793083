package film.slate.media.board;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Takes already built from the current recipes, which the storyboard shows instead of drawing
 * the same previz a second time: stills decoded from each master, the animatic joined from the
 * proxies.
 */
public interface BuiltTakes {
    /** No take built: the storyboard draws every shot. */
    BuiltTakes NONE = shot -> Optional.empty();

    /** Take 1 of {@code shot} (a full id, {@code 1/1A}), when it is built from the shot's current recipe. */
    Optional<Built> take1(String shot);

    /**
     * @param master the lossless master (its frames become the stills)
     * @param proxy the H.264 proxy (joined into the animatic)
     */
    record Built(Path master, Path proxy) {
    }
}
