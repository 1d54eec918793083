package film.slate.engine.build;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Positions;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.BackendFingerprint;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.yaml.YamlMapping;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RecipeObjects;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.store.WorkFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders one recipe outside any production: what {@code slate render} runs for a remote worker
 * or an auditor. The recipe and the objects it names (in an {@link ObjectFolder}) are the only
 * inputs; a recipe that conditions on another one's output finds that recipe among the objects
 * (a recipe's id is the hash of its text) and renders it first. The backend's settings come from
 * a {@code slate.yaml} ({@code config}) and must be those the recipe was made with; previz needs
 * none, since nothing in its settings changes its pictures.
 */
public final class RecipeRender {
    private static final String PREVIZ = "previz";

    private final Generators generators;
    private final Optional<Path> config;
    private final ObjectFolder objects;

    public RecipeRender(Generators generators, Optional<Path> config, ObjectFolder objects) {
        this.generators = generators;
        this.config = config;
        this.objects = objects;
    }

    /** What a render left in its folder, by kind: {@code master}, {@code proxy}, {@code depth}, or {@code frame.N}. */
    public record Output(Map<String, Path> files) {
        public Output {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    /**
     * Renders {@code recipe} into {@code out} ({@code master.EXT}, {@code proxy.EXT}, {@code depth.EXT},
     * or {@code frames/NNNN.EXT}); its inputs go to {@code out/inputs/ID}.
     *
     * @throws BuildException with a sentence when the recipe cannot be rendered here
     */
    public Output render(Recipe recipe, Path out) throws BuildException, IOException, InterruptedException {
        BackendConfig backend = backend(recipe.content().backend());
        GeneratorProvider provider = generators.forType(backend.type()).orElseThrow(() -> new BuildException(
                "no generator for backend type '" + backend.type() + "' is installed in this Slate"));
        Map<String, Path> inputs = inputs(recipe, out.resolve("inputs"));
        Path work = out.resolve("work");
        Files.createDirectories(work);
        try (Generator g = open(provider, backend)) {
            String wanted = recipe.content().backend().version();
            if (!g.version().equals(wanted)) {
                throw new BuildException("backend " + backend.name() + " here is " + g.version() + ", but the recipe was"
                        + " made for " + wanted + "; the take would differ, so it is not rendered");
            }
            RenderResult result = g.render(new RenderRequest(recipe, backend, inputs, objects(recipe), work),
                    Progress.NONE, new Cancellation());
            return keep(result, out);
        } catch (GeneratorFault e) {
            throw new BuildException(recipe.label() + " could not be rendered: " + e.getMessage());
        } finally {
            WorkFolders.discard(work);
        }
    }

    /** The generator, opened and ready to render: one that cannot render here is named with its sentence. */
    private Generator open(GeneratorProvider provider, BackendConfig backend) throws BuildException {
        try {
            Generator g = provider.open(backend, GeneratorPlace.of(config.map(RecipeRender::folder).orElse(Path.of(".")),
                    backend.name()));
            try {
                g.ready();
            } catch (GeneratorFault e) {
                g.close();
                throw e;
            }
            return g;
        } catch (GeneratorFault e) {
            throw new BuildException("backend " + backend.name() + " cannot start: " + e.getMessage());
        }
    }

    /** The backend the recipe names, from the configuration, with the very settings the recipe was made with. */
    private BackendConfig backend(RecipeContent.BackendRef ref) throws BuildException {
        if (config.isEmpty()) {
            if (ref.type().equals(PREVIZ)) {
                return builtInPreviz(ref.name());
            }
            throw new BuildException("the recipe is for backend " + ref.name() + " (type " + ref.type() + "); name the"
                    + " slate.yaml that configures it with --config");
        }
        Map<String, BackendConfig> all;
        try {
            all = ProductionReader.read(folder(config.get())).production().manifest().backends();
        } catch (NotAProductionException e) {
            throw new BuildException(e.getMessage());
        }
        BackendConfig c = all.get(ref.name());
        if (c == null && ref.type().equals(PREVIZ)) {
            return builtInPreviz(ref.name());
        }
        if (c == null || !c.type().equals(ref.type())) {
            throw new BuildException(config.get() + " has no backend " + ref.name() + " of type " + ref.type()
                    + "; name the slate.yaml the recipe was made with");
        }
        if (!ref.type().equals(PREVIZ) && !BackendFingerprint.hash(c.settings()).equals(ref.config())) {
            throw new BuildException("the settings of backend " + ref.name() + " in " + config.get() + " differ from"
                    + " those the recipe was made with (settings hash " + ref.config().substring(0, 12) + ")");
        }
        return c;
    }

    /** The previz backend a production has without configuring one. */
    static BackendConfig builtInPreviz(String name) {
        SourcePosition at = SourcePosition.ofFile("slate.yaml");
        return new BackendConfig(name, PREVIZ, new YamlMapping(List.of(), at), Positions.of(at));
    }

    private static Path folder(Path config) {
        return Files.isDirectory(config) ? config : Optional.ofNullable(config.toAbsolutePath().getParent())
                .orElse(Path.of("."));
    }

    /** Renders the recipes this one conditions on (found among the objects), keyed as a build keys them. */
    private Map<String, Path> inputs(Recipe recipe, Path dir) throws BuildException, IOException, InterruptedException {
        Map<String, Path> out = new HashMap<>();
        for (RecipeContent.Input in : recipe.content().inputs()) {
            Path text = objects.find(in.recipe()).orElseThrow(() -> new BuildException(recipe.label()
                    + " conditions on the " + in.role() + " recipe " + in.recipe() + "; put that recipe (a file named by"
                    + " its id) in the --objects folder"));
            Recipe input;
            try {
                input = Recipe.parse(Files.readString(text));
            } catch (IllegalArgumentException e) {
                throw new BuildException(text + " is not a recipe (" + e.getMessage() + ")");
            }
            Output made = render(input, dir.resolve(in.recipe()));
            made.files().forEach((kind, file) -> out.put(in.role() + "." + kind, file));
        }
        return out;
    }

    private RecipeObjects objects(Recipe recipe) throws BuildException, IOException {
        Map<String, Path> found = new HashMap<>();
        for (RecipeContent.Ref ref : recipe.content().refs()) {
            if (ref.sha256().isPresent()) {
                Optional<Path> p = objects.find(ref.sha256().get());
                if (p.isPresent()) {
                    found.put(ref.sha256().get(), p.get());
                }
            }
        }
        return new RecipeObjects(found);
    }

    private static Output keep(RenderResult result, Path out) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (result instanceof RenderResult.Video v) {
            files.put("master", move(v.master(), out, "master"));
            if (v.proxy().isPresent()) {
                files.put("proxy", move(v.proxy().get(), out, "proxy"));
            }
            if (v.depth().isPresent()) {
                files.put("depth", move(v.depth().get(), out, "depth"));
            }
            return new Output(files);
        }
        List<Path> frames = new ArrayList<>(((RenderResult.Frames) result).frames());
        Files.createDirectories(out.resolve("frames"));
        for (int i = 0; i < frames.size(); i++) {
            files.put("frame." + (i + 1), move(frames.get(i), out.resolve("frames"), String.format("%04d", i + 1)));
        }
        return new Output(files);
    }

    private static Path move(Path file, Path dir, String name) throws IOException {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        Path to = dir.resolve(dot < 0 ? name : name + f.substring(dot));
        return Files.move(file, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
