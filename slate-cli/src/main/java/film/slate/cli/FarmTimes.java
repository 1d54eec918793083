package film.slate.cli;

import film.slate.core.read.FarmTimingReader;
import film.slate.engine.build.FarmSettings;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The queue's timing for the production in a folder: slate.yaml's {@code farm:} with
 * {@code SLATE_DEAD_AFTER} over it, for the store's database. A fault in either is one sentence,
 * before any process joins the queue.
 */
final class FarmTimes {
    private FarmTimes() {
    }

    /** The timing of {@code production}'s queue, {@code environment} being the command line's ({@link Rig}). */
    static FarmSettings of(Path production, Store store, Map<String, String> environment) throws CommandError {
        try {
            return FarmSettings.of(store.database().dialect(), FarmTimingReader.read(production), environment);
        } catch (IOException e) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage()); // SLATE_DEAD_AFTER
        }
    }
}
