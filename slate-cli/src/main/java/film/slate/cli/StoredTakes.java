package film.slate.cli;

import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.PlannedTake;
import film.slate.media.board.BuiltTakes;
import film.slate.store.ObjectStore;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The takes 1 of a plan that the store holds from their current recipes: what the board shows instead of drawing again. */
final class StoredTakes implements BuiltTakes {
    private final Map<String, Built> byShot = new HashMap<>();

    StoredTakes(BuildPlan plan, ObjectStore objects) {
        for (PlannedTake t : plan.takes()) {
            if (t.recipe().take() != 1 || t.existing().isEmpty()) {
                continue;
            }
            TakeRecord r = t.existing().get();
            if (r.status().equals(TakeRecord.RENDERED) && r.master().isPresent() && r.proxy().isPresent()) {
                Optional<Path> master = object(objects, r.master().get());
                Optional<Path> proxy = object(objects, r.proxy().get());
                if (master.isPresent() && proxy.isPresent()) {
                    byShot.put(t.recipe().shot(), new Built(master.get(), proxy.get()));
                }
            }
        }
    }

    @Override
    public Optional<Built> take1(String shot) {
        return Optional.ofNullable(byShot.get(shot));
    }

    /**
     * The one place the board reads stored bytes: the object's file, when the store has it. (Where the
     * store checks an object's hash before handing it out, this is the call to make that check.)
     */
    private static Optional<Path> object(ObjectStore objects, String hash) {
        return objects.has(hash) ? Optional.of(objects.path(hash)).filter(Files::isRegularFile) : Optional.empty();
    }
}
