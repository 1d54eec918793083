package film.slate.engine.generator;

import film.slate.store.Store;
import java.nio.file.Path;

/**
 * Where a generator is opened: the production's folder, against which its settings name files,
 * and a folder of its own in the production's store where it may keep state between runs (a
 * hosted task's id, so that a retry or the next build resumes the task instead of paying for
 * another). The state folder is the production's even when its objects are shared elsewhere:
 * what it holds is this machine's work in progress. Nothing is created until a generator writes.
 *
 * @param production the production's folder
 * @param state the backend's own folder for state, {@code .slate/tasks/BACKEND}
 */
public record GeneratorPlace(Path production, Path state) {
    /** Under the store folder; named so since the first backend that kept state kept its tasks there. */
    static final String STATE = "tasks";

    /** The place of backend {@code backend} of the production in {@code production}. */
    public static GeneratorPlace of(Path production, String backend) {
        return new GeneratorPlace(production, production.resolve(Store.FOLDER).resolve(STATE).resolve(backend));
    }
}
