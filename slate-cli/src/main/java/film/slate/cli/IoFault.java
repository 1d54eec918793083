package film.slate.cli;

import film.slate.store.DiskFullException;
import film.slate.store.StoreFault;
import film.slate.store.db.StoreException;
import java.nio.file.Path;
import java.util.Optional;

/** A failure underneath a command that is the disk's or the store's, not Slate's: its sentence. */
final class IoFault {
    private IoFault() {
    }

    static Optional<String> sentence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DiskFullException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof StoreException s && s.sentence().isPresent()) {
                return s.sentence();
            }
        }
        if (StoreFault.diskFull(e)) {
            return Optional.of(StoreFault.diskFullSentence(Path.of(".").toAbsolutePath().normalize()));
        }
        return Optional.empty();
    }
}
