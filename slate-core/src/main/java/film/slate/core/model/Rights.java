package film.slate.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** rights.yaml: likeness consents by character, licences by reference path and by backend. */
public record Rights(Map<String, Likeness> likeness, Map<String, Licence> refs, Map<String, Licence> models) {
    public static final Rights NONE = new Rights(Map.of(), Map.of(), Map.of());

    public Rights {
        likeness = Collections.unmodifiableMap(new LinkedHashMap<>(likeness));
        refs = Collections.unmodifiableMap(new LinkedHashMap<>(refs));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }
}
