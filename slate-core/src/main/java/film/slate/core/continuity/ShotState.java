package film.slate.core.continuity;

import film.slate.core.model.Point;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cast of a scene at the first and the last frame of one shot, keyed by character in cast
 * order, and the props resting on the set (put down earlier in the scene) at either end, on the
 * floor or on the {@code pieces} of the location's set under them. A recipe is compiled from
 * {@code start} plus the shot's own blocking and events.
 */
public record ShotState(Shot shot, Map<String, CharacterState> start, Map<String, CharacterState> end,
        Map<String, Point> setStart, Map<String, Point> setEnd, List<SetPiece> pieces) {
    public ShotState {
        Objects.requireNonNull(shot, "shot");
        start = Collections.unmodifiableMap(new LinkedHashMap<>(start));
        end = Collections.unmodifiableMap(new LinkedHashMap<>(end));
        setStart = Collections.unmodifiableMap(new LinkedHashMap<>(setStart));
        setEnd = Collections.unmodifiableMap(new LinkedHashMap<>(setEnd));
        pieces = List.copyOf(pieces);
    }

    /** A shot on a bare set. */
    public ShotState(Shot shot, Map<String, CharacterState> start, Map<String, CharacterState> end,
            Map<String, Point> setStart, Map<String, Point> setEnd) {
        this(shot, start, end, setStart, setEnd, List.of());
    }

    /** A shot with nothing resting on the set. */
    public ShotState(Shot shot, Map<String, CharacterState> start, Map<String, CharacterState> end) {
        this(shot, start, end, Map.of(), Map.of(), List.of());
    }

    public Optional<CharacterState> atStart(String character) {
        return Optional.ofNullable(start.get(character));
    }

    public Optional<CharacterState> atEnd(String character) {
        return Optional.ofNullable(end.get(character));
    }
}
