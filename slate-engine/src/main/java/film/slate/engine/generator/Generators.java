package film.slate.engine.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The generator providers on the class path, by backend type. A stand-in generator (a test's) is
 * put in place of the one found for its type with {@link #with}, and handed to whoever renders.
 */
public final class Generators {
    private final Map<String, GeneratorProvider> byType;

    public Generators(Map<String, GeneratorProvider> byType) {
        this.byType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byType)); // in found order
    }

    public static Generators discover() {
        Map<String, GeneratorProvider> found = new LinkedHashMap<>();
        for (GeneratorProvider p : ServiceLoader.load(GeneratorProvider.class)) {
            found.putIfAbsent(p.type(), p);
        }
        return new Generators(found);
    }

    public Optional<GeneratorProvider> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The backend types, in the order they were found. */
    public java.util.List<String> types() {
        return java.util.List.copyOf(byType.keySet());
    }

    public Generators with(GeneratorProvider provider) {
        Map<String, GeneratorProvider> m = new LinkedHashMap<>(byType);
        m.put(provider.type(), provider);
        return new Generators(m);
    }
}
