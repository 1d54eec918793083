package film.slate.review;

import film.slate.core.recipe.Sha256;
import film.slate.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored objects the room hands out or decodes, each hashed once before its first use, so a
 * damaged object is refused (409, naming {@code slate verify}), never played or compared.
 */
final class VerifiedObjects {
    private final ObjectStore objects;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    VerifiedObjects(ObjectStore objects) {
        this.objects = objects;
    }

    /** The file of object {@code hash}, which the caller knows is in the store, once its bytes match its name. */
    Path sound(String hash) throws IOException {
        Path file = objects.path(hash);
        if (!verified.contains(hash)) {
            if (!Sha256.file(file).equals(hash)) {
                throw new Refusal(409, "object " + hash + " is damaged (its bytes no longer match its name); run"
                        + " 'slate verify' and render the take again");
            }
            verified.add(hash);
        }
        return file;
    }
}
