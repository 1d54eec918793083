package film.slate.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One shot of a scene plan. {@code lines} are the scene's dialogue blocks (1-based) spoken in it;
 * {@code blocking} is keyed by character in the order written.
 */
public record Shot(String scene, String id, Framing framing, List<String> subjects, Camera camera, Move move,
        double duration, String action, List<Integer> lines, Map<String, Blocking> blocking, List<ShotEvent> events,
        int takes, OptionalLong seed, boolean crossesLine, Positions where) {

    public Shot {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(framing, "framing");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(action, "action");
        lines = List.copyOf(lines);
        blocking = Collections.unmodifiableMap(new LinkedHashMap<>(blocking));
        events = List.copyOf(events);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(where, "where");
    }

    /** The same shot from another camera (the planner tries many on one shot). */
    public Shot withCamera(Camera other) {
        return new Shot(scene, id, framing, subjects, other, move, duration, action, lines, blocking, events, takes, seed,
                crossesLine, where);
    }

    /** The production-wide id, {@code scene/shot}: {@code 1/1A}. */
    public String fullId() {
        return scene + "/" + id;
    }
}
