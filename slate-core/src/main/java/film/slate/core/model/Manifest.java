package film.slate.core.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * slate.yaml: the production's identity, format, intended use and generators. {@code privatePrompts}
 * ({@code delivery: { prompts: private }}) keeps prompts out of delivered provenance;
 * {@code territory} (ISO 3166-1 codes, empty for worldwide) and {@code date} ({@code delivery:
 * { territory: [FR, BE], date: 2026-06-01 }}) are what a delivery is cleared for unless
 * {@code slate conform --territory/--on} say otherwise (an absent date: the day of the delivery).
 */
public record Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use,
        String backend, Map<String, BackendConfig> backends, Positions where, StoreSettings store,
        boolean privatePrompts, Set<String> territory, Optional<LocalDate> date) {
    public Manifest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(screenplay, "screenplay");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(backend, "backend");
        backends = Map.copyOf(backends);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(store, "store");
        territory = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(territory));
        Objects.requireNonNull(date, "date");
    }

    /** A manifest delivered worldwide on the day of the delivery unless the command says otherwise. */
    public Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use, String backend,
            Map<String, BackendConfig> backends, Positions where, StoreSettings store, boolean privatePrompts) {
        this(title, id, format, screenplay, use, backend, backends, where, store, privatePrompts, Set.of(),
                Optional.empty());
    }

    /** A manifest without {@code store:} (the embedded store) whose prompts may appear in delivered provenance. */
    public Manifest(String title, String id, VideoFormat format, Optional<String> screenplay, Use use, String backend,
            Map<String, BackendConfig> backends, Positions where) {
        this(title, id, format, screenplay, use, backend, backends, where, StoreSettings.embedded(where), false);
    }
}
