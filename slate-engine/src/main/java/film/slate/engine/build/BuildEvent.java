package film.slate.engine.build;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a take during a build: {@code queued}, {@code started},
 * {@code rendered}, {@code cached}, {@code retry} or {@code failed}.
 */
public record BuildEvent(Kind kind, String shot, int take, String recipe, int attempt, Optional<String> reason,
        Optional<Double> cost) {
    public enum Kind {
        QUEUED, STARTED, RENDERED, CACHED, RETRY, FAILED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BuildEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cost, "cost");
    }
}
