package film.slate.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One shots file: a scene's location, time, action line, starting cast and shot list in edit order. */
public record ScenePlan(String file, String scene, boolean continues, String location, String time,
        Optional<Axis> axis, Map<String, CastMember> cast, List<Shot> shots, Positions where) {
    public ScenePlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(axis, "axis");
        cast = Collections.unmodifiableMap(new LinkedHashMap<>(cast));
        shots = List.copyOf(shots);
        Objects.requireNonNull(where, "where");
    }
}
