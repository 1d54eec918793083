package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import film.slate.media.file.WholeFile;
import film.slate.store.db.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What lock and unlock put on the record: lock.yaml written whole, and one event per shot, in one
 * database transaction, so the log never says a shot is locked when the file does not (a failed
 * write rolls the events back).
 */
final class LockRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LockRecord() {
    }

    static Event locked(LockedShot s) {
        return Event.of(s.by(), "locked", label(s), s.shot(), details(s), s.reason().orElse(null));
    }

    static Event unlocked(LockedShot s, String by, String reason) {
        return Event.of(by, "unlocked", label(s), s.shot(), details(s), reason);
    }

    /** Writes {@code lock} to lock.yaml with {@code events} on the log; nothing when there are no events. */
    static void write(Workspace ws, PictureLock lock, List<Event> events) throws CommandError {
        if (events.isEmpty()) {
            return;
        }
        Path file = ws.production.root().resolve(PictureLock.FILE);
        try {
            ws.store.database().transaction(c -> {
                for (Event e : events) {
                    ws.store.events().append(c, e);
                }
                try {
                    WholeFile.text(file, lock.text());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw new CommandError(ExitCode.IO, "cannot write " + file + " (" + e.getCause().getMessage()
                    + "); nothing was locked or unlocked");
        }
    }

    private static String label(LockedShot s) {
        return s.shot() + "#" + s.take() + " v" + s.version();
    }

    private static String details(LockedShot s) {
        return JSON.createObjectNode().put("take", s.take()).put("version", s.version()).put("recipe", s.recipe().id())
                .put("master", s.master()).toString();
    }
}
