package film.slate.core.model;

import film.slate.core.diagnostic.SourcePosition;
import java.util.Objects;

/** A file named in the production: its path relative to the production folder, and where it was named. */
public record FileRef(String path, SourcePosition position) {
    public FileRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(position, "position");
    }
}
