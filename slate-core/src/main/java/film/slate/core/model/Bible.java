package film.slate.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Persistent identity: characters, locations, props and style, each keyed by id in the order written. */
public record Bible(Map<String, Character> characters, Map<String, Location> locations, Map<String, Prop> props,
        Style style) {
    public Bible {
        characters = Collections.unmodifiableMap(new LinkedHashMap<>(characters));
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
        Objects.requireNonNull(style, "style");
    }
}
