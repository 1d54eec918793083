package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.FileRef;
import java.util.Optional;

/** The production's files as a backend's settings check sees them: the paths slate.yaml names. */
public final class SettingsFiles {
    private final ProductionFiles files;

    SettingsFiles(ProductionFiles files) {
        this.files = files;
    }

    /** A path written in slate.yaml at {@code at}, resolved inside the production; {@code ref/file} when it is not there. */
    public Optional<FileRef> resolve(String path, SourcePosition at, Diagnostics d) {
        return files.resolve(ManifestReader.FILE, path, at, true, d);
    }

    /** The bytes of a production-relative file, or empty when it cannot be read (already reported by {@link #resolve}). */
    public Optional<byte[]> read(String relative) {
        return files.read(relative, Rule.REF_FILE, new Diagnostics());
    }
}
