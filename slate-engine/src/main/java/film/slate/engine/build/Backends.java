package film.slate.engine.build;

import film.slate.core.model.BackendConfig;
import film.slate.core.model.Production;
import film.slate.core.recipe.Target;
import film.slate.engine.generator.Capability;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The production's backends, opened on first use: name to configuration, generator and recipe target. */
public final class Backends implements AutoCloseable {
    private final Production production;
    private final Generators generators;
    private final Map<String, Generator> open = new ConcurrentHashMap<>();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public Backends(Production production, Generators generators) {
        this.production = production;
        this.generators = generators;
    }

    /** The backend to build with: the one named, or slate.yaml's default. */
    public String resolveName(Optional<String> name) {
        return name.orElse(production.manifest().backend());
    }

    public BackendConfig config(String name) throws BuildException {
        BackendConfig c = production.manifest().backends().get(name);
        if (c == null && name.equals("previz")) {
            return RecipeRender.builtInPreviz(name);
        }
        if (c == null) {
            throw new BuildException("slate.yaml has no backend '" + name + "'; name one of "
                    + String.join(", ", new TreeSet<>(production.manifest().backends().keySet())) + " or add it under backends:");
        }
        return c;
    }

    /**
     * The generator of a backend, ready to render ({@link Generator#ready}): what renders asks for.
     * A backend that cannot render here is a {@link BuildException} naming it.
     */
    public Generator generator(String name) throws BuildException {
        Generator g = opened(name);
        if (!ready.contains(name)) {
            try {
                g.ready();
            } catch (GeneratorFault e) {
                throw cannotStart(name, e);
            }
            ready.add(name);
        }
        return g;
    }

    /**
     * Gets a backend ready to render, and the backend it conditions on: a build asks before it
     * schedules a take, so a backend that cannot render stops it once, not at every take.
     */
    public void ready(String name) throws BuildException {
        for (Optional<Target> t = Optional.of(target(name)); t.isPresent(); t = t.get().conditionsOn()) {
            generator(t.get().backend().name());
        }
    }

    /** The generator of a backend, opened but not asked to get ready: enough to compile its recipes. */
    private Generator opened(String name) throws BuildException {
        Generator g = open.get(name);
        if (g != null) {
            return g;
        }
        BackendConfig c = config(name);
        GeneratorProvider p = generators.forType(c.type()).orElseThrow(() -> new BuildException("no generator for"
                + " backend type '" + c.type() + "' (backend " + name + ") is installed in this Slate; use another backend"
                + " with --backend"));
        try {
            g = p.open(c, GeneratorPlace.of(production.root(), name));
        } catch (GeneratorFault e) {
            throw cannotStart(name, e);
        }
        Generator raced = open.putIfAbsent(name, g);
        if (raced != null) {
            g.close();
            return raced;
        }
        return g;
    }

    private static BuildException cannotStart(String name, GeneratorFault e) {
        return new BuildException("backend " + name + " cannot start: " + e.getMessage());
    }

    /** The recipe target of a backend: with the previz backend as input when the generator conditions on it. */
    public Target target(String name) throws BuildException {
        BackendConfig c = config(name);
        Generator g = opened(name);
        Optional<Target> input = Optional.empty();
        if (!c.type().equals("previz") && g.capabilities().has(Capability.CONTROL_VIDEO)) {
            String previz = production.manifest().backends().values().stream().filter(b -> b.type().equals("previz"))
                    .map(BackendConfig::name).findFirst().orElse("previz");
            input = Optional.of(target(previz));
        }
        return new Target(c, g.version(), input);
    }

    /** cost_per_second of a backend, when set. */
    public Optional<Double> costPerSecond(String name) throws BuildException {
        return number(config(name), "cost_per_second");
    }

    static Optional<Double> number(BackendConfig c, String key) {
        return c.settings().get(key).filter(n -> n instanceof film.slate.core.yaml.YamlScalar s && s.isNumber())
                .map(n -> Double.parseDouble(((film.slate.core.yaml.YamlScalar) n).text()));
    }

    public Production production() {
        return production;
    }

    /** The generators these backends are opened from (the command line's, so a later use opens the same kinds). */
    public Generators generators() {
        return generators;
    }

    @Override
    public void close() {
        open.values().forEach(Generator::close);
        open.clear();
        ready.clear();
    }
}
