package film.slate.engine.generator;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The generator providers on the class path, by backend type. A system property
 * {@code slate.generator.TYPE=CLASS} puts a provider class in place of the one found for a type:
 * how tests and development builds drive a stand-in generator through the real command.
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
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("slate.generator.")) {
                String type = key.substring("slate.generator.".length());
                found.put(type, instantiate(System.getProperty(key)));
            }
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

    private static GeneratorProvider instantiate(String className) {
        try {
            return (GeneratorProvider) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("slate.generator names " + className
                    + ", which is not a generator provider class on the class path (" + cause + ")", cause);
        }
    }
}
