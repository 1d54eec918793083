package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.BackendConfig;

/**
 * Checks the settings of a backend by its type. Core knows only the common fields; whoever knows
 * the backend types (the generator providers) implements this and registers it in
 * {@code META-INF/services/film.slate.core.read.BackendChecks}, so a new backend touches no core code.
 */
public interface BackendChecks {
    /** Whether {@code type} is a backend type at all; an unknown one is reported by {@link #check}. */
    boolean knows(String type);

    /**
     * Reports, at their lines in slate.yaml, what is wrong with a backend's type-specific settings
     * (and unknown fields, and an unknown type).
     */
    void check(BackendConfig backend, SettingsFiles files, Diagnostics d);
}
