package film.slate.cli;

import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.PlannedTake;
import film.slate.media.board.BuiltTakes;
import film.slate.store.ObjectStore;
import film.slate.store.db.TakeRecord;
import film.slate.store.DamagedObjectException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The takes 1 of a plan that the store holds from their current recipes: what the board shows instead of drawing again. */
final class StoredTakes implements BuiltTakes {
    private final Map<String, Built> byShot = new HashMap<>();
    private final List<String> damaged = new ArrayList<>();

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

    /** Sentences for the stored objects found damaged (the board draws those shots again instead). */
    List<String> damaged() {
        return List.copyOf(damaged);
    }

    /**
     * The one place the board reads stored bytes: the object's file, when the store has it and its
     * bytes still hash to its name (FFmpeg reads the file itself, so the check comes first).
     */
    private Optional<Path> object(ObjectStore objects, String hash) {
        try {
            return switch (objects.check(hash)) {
                case SOUND -> Optional.of(objects.path(hash));
                case ABSENT -> Optional.empty();
                case DAMAGED -> {
                    damaged.add(new DamagedObjectException(hash, "is damaged").getMessage());
                    yield Optional.empty();
                }
            };
        } catch (IOException e) {
            damaged.add(new DamagedObjectException(hash, "cannot be read (" + e.getMessage() + ")").getMessage());
            return Optional.empty();
        }
    }
}
