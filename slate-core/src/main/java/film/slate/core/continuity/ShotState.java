package film.slate.core.continuity;

import film.slate.core.model.Shot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cast of a scene at the first and the last frame of one shot, keyed by character in cast
 * order. A recipe is compiled from {@code start} plus the shot's own blocking and events.
 */
public record ShotState(Shot shot, Map<String, CharacterState> start, Map<String, CharacterState> end) {
    public ShotState {
        Objects.requireNonNull(shot, "shot");
        start = Collections.unmodifiableMap(new LinkedHashMap<>(start));
        end = Collections.unmodifiableMap(new LinkedHashMap<>(end));
    }

    public Optional<CharacterState> atStart(String character) {
        return Optional.ofNullable(start.get(character));
    }

    public Optional<CharacterState> atEnd(String character) {
        return Optional.ofNullable(end.get(character));
    }
}
