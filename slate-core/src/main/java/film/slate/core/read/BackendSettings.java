package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.BackendConfig;
import film.slate.core.yaml.Fields;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Checks the fields every backend shares; the type-specific ones go to the {@link BackendChecks}
 * found on the class path (none: core alone checks only these). Settings stay raw in the model;
 * generators read them.
 */
final class BackendSettings {
    private final SettingsFiles files;
    private final Diagnostics d;
    private final Optional<BackendChecks> types;

    BackendSettings(ProductionFiles files, Diagnostics d) {
        this.files = new SettingsFiles(files);
        this.d = d;
        // Looked up per read: tests put stand-in generators in place through system properties.
        this.types = ServiceLoader.load(BackendChecks.class).findFirst();
    }

    void check(BackendConfig backend) {
        if (types.isPresent() && !types.get().knows(backend.type())) {
            types.get().check(backend, files, d);
            return;
        }
        Fields f = Fields.of(backend.settings(), "backend " + backend.name(), d).orElseThrow();
        f.number("cost_per_second", 0, 1_000_000);
        f.number("concurrency", 1, 1024);
        f.number("timeout", 0.001, 86_400 * 7);
        types.ifPresent(t -> t.check(backend, files, d));
    }
}
