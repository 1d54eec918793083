package film.slate.cli;

import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.recipe.BackendFingerprint;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Sha256;
import film.slate.core.recipe.Target;
import film.slate.engine.build.BuildException;
import film.slate.engine.build.BuildPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The plan of every shot for {@code status} and {@code build --dry-run}, with the plan cache: a
 * scene file whose bytes are unchanged, in a production whose other files are unchanged, is
 * neither parsed nor compiled again; its recipes come from the cache. Only scenes that stand
 * alone are reused one by one (a scene that {@code continues} another depends on it); otherwise,
 * or when anything else changed, everything is read and compiled as without the cache. A read
 * with an error in it always takes the uncached path, so findings are the same sentences. Status and
 * a dry run only look: a production without a store is seen with an empty one.
 */
final class CachedPlan {
    private CachedPlan() {
    }

    /**
     * A workspace with its plan, and the cache's own report of its work.
     *
     * @param compiled the scene files read and compiled for this plan, in edit order (every one
     *     without the cache, none when nothing changed, the edited ones after an edit)
     */
    record Planned(Workspace workspace, BuildPlan plan, List<String> compiled, Optional<Thread> writing)
            implements AutoCloseable {
        Planned {
            compiled = List.copyOf(compiled);
        }

        Planned(Workspace workspace, BuildPlan plan, List<String> compiled) {
            this(workspace, plan, compiled, Optional.empty());
        }

        /** Waits for the cache file to be written (the command's answer was made meanwhile), then closes. */
        @Override
        public void close() {
            try {
                if (writing.isPresent()) {
                    writing.get().join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the file is written aside and renamed: never half there
            } finally {
                workspace.close();
            }
        }
    }

    /**
     * Writes the cache file on a thread of its own: the command makes its answer on the other core
     * meanwhile (status's answer and this write each take about 50 ms on the bench feature), and
     * {@link Planned#close()} waits for it. What it writes is immutable.
     */
    private static Optional<Thread> writeAside(Path file, PlanCache.Entry entry, Optional<PlanCache.Read> previous) {
        Thread t = new Thread(() -> PlanCache.write(file, entry, previous), "plan cache writer");
        t.start();
        return Optional.of(t);
    }

    /** The plan as {@link Workspace#plan} makes it, using the cache file in {@code userCache} or {@code .slate}. */
    static Planned open(Path dir, Optional<String> backend, Optional<Integer> takes, Optional<Path> userCache, Rig rig)
            throws CommandError {
        Path root = dir.toAbsolutePath().normalize();
        Optional<Path> file = Files.isRegularFile(root.resolve("slate.yaml")) && Files.isDirectory(root.resolve("shots"))
                ? PlanCache.location(root, userCache) : Optional.empty();
        if (file.isEmpty()) {
            return uncached(dir, backend, takes, rig);
        }
        Optional<PlanCache.Read> previousRead = written(file.get());
        Optional<PlanCache.Entry> previous = previousRead.map(PlanCache.Read::entry);
        long scannedAt = System.currentTimeMillis();
        Optional<InputFiles> scanned = scan(root, previous);
        if (scanned.isEmpty()) {
            return uncached(dir, backend, takes, rig);
        }
        InputFiles inputs = scanned.get();
        List<String> sceneFiles = ProductionReader.shotFiles(root);
        Map<String, PlanCache.Scene> known = previous.map(e -> e.scenes().stream()
                .collect(Collectors.toMap(PlanCache.Scene::file, Function.identity(), (a, b) -> a))).orElse(Map.of());
        Set<String> changed = changed(sceneFiles, known, inputs);
        // Nothing but the scenes' own files can have changed the rest: then slate.yaml alone is read.
        boolean sameRest = previous.isPresent() && changed.isEmpty()
                && rest(previous.get().files(), known.keySet()).equals(rest(inputs, Set.copyOf(sceneFiles)));
        Optional<ReadProduction> read = sameRest ? manifest(root) : read(root, changed);
        if (read.isEmpty()) {
            return uncached(dir, backend, takes, rig);
        }
        Workspace ws = Workspace.of(read.get(), dir, true, rig);
        try {
            String name = ws.backends.resolveName(backend);
            Target target = ws.backends.target(name);
            if (target.conditionsOn().isPresent()) {
                ws.close(); // recipes with inputs are compiled whole every time: not cached
                return uncached(dir, backend, takes, rig);
            }
            String key = key(inputs, sceneFiles, target, takes);
            boolean reuse = previous.isPresent() && previous.get().key().equals(key)
                    && standAlone(previous.get(), sceneFiles, read.get(), changed);
            if (!reuse && !changed.containsAll(sceneFiles)) {
                ws.close();
                return compileAll(dir, root, backend, takes, file.get(), inputs, scannedAt, rig);
            }
            List<PlanCache.Scene> scenes = reuse ? reused(previous.get(), read.get(), target, takes, changed, inputs)
                    : compiled(read.get(), target, takes, inputs);
            BuildPlan plan = BuildPlan.of(name, recipes(scenes), ws.store);
            boolean stale = previous.isEmpty() || !changed.isEmpty() || !previous.get().key().equals(key)
                    || !previous.get().files().equals(inputs);
            return new Planned(ws, plan,
                    scenes.stream().map(PlanCache.Scene::file).filter(f -> !reuse || changed.contains(f)).toList(),
                    stale ? writeAside(file.get(), new PlanCache.Entry(code(), key, scannedAt, inputs, scenes), previousRead)
                            : Optional.empty());
        } catch (BuildException e) {
            ws.close();
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        } catch (RuntimeException e) {
            ws.close(); // a cached recipe this Slate cannot read back: compile as without the cache
            return uncached(dir, backend, takes, rig);
        }
    }

    /** The cache file as this Slate wrote it, if whole: its unchanged scenes' lines are copied into the next one. */
    private static Optional<PlanCache.Read> written(Path file) {
        return PlanCache.readLines(file).filter(r -> r.entry().code().equals(code()));
    }

    /** The scene files that are new or whose bytes are not the cached ones. */
    private static Set<String> changed(List<String> sceneFiles, Map<String, PlanCache.Scene> known, InputFiles inputs) {
        return sceneFiles.stream().filter(f -> !known.containsKey(f) || !known.get(f).sha256().equals(inputs.sha256(f)))
                .collect(Collectors.toSet());
    }

    private static Optional<InputFiles> scan(Path root, Optional<PlanCache.Entry> previous) {
        try {
            return Optional.of(InputFiles.scan(root, previous.map(PlanCache.Entry::files).orElse(new InputFiles(Map.of())),
                    previous.map(PlanCache.Entry::scannedAt).orElse(0L)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Planned uncached(Path dir, Optional<String> backend, Optional<Integer> takes, Rig rig)
            throws CommandError {
        Workspace ws = Workspace.lookAt(dir, rig);
        try {
            return new Planned(ws, ws.plan(backend, Optional.empty(), takes),
                    ws.production.scenes().stream().map(ScenePlan::file).toList());
        } catch (CommandError e) {
            ws.close();
            throw e;
        }
    }

    /** Reads everything again and compiles every scene (the cache knew too little), then records it. */
    private static Planned compileAll(Path dir, Path root, Optional<String> backend, Optional<Integer> takes, Path file,
            InputFiles inputs, long scannedAt, Rig rig) throws CommandError {
        Optional<ReadProduction> read = read(root, null);
        if (read.isEmpty()) {
            return uncached(dir, backend, takes, rig);
        }
        Workspace ws = Workspace.of(read.get(), dir, true, rig);
        try {
            String name = ws.backends.resolveName(backend);
            Target target = ws.backends.target(name);
            List<PlanCache.Scene> scenes = compiled(read.get(), target, takes, inputs);
            BuildPlan plan = BuildPlan.of(name, recipes(scenes), ws.store);
            return new Planned(ws, plan, scenes.stream().map(PlanCache.Scene::file).toList(), writeAside(file,
                    new PlanCache.Entry(code(), key(inputs, ProductionReader.shotFiles(root), target, takes), scannedAt,
                            inputs, scenes), Optional.empty()));
        } catch (BuildException e) {
            ws.close();
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    private static Optional<ReadProduction> manifest(Path root) {
        try {
            ReadProduction read = ProductionReader.manifest(root);
            return Workspace.stopping(read).isPresent() ? Optional.empty() : Optional.of(read);
        } catch (NotAProductionException e) {
            return Optional.empty();
        }
    }

    /** The hashes of every file but the scene files. */
    private static Map<String, String> rest(InputFiles files, Set<String> sceneFiles) {
        Map<String, String> out = new HashMap<>();
        files.files().forEach((name, stamp) -> {
            if (!sceneFiles.contains(name)) {
                out.put(name, stamp.sha256());
            }
        });
        return out;
    }

    /** The production with only {@code scenes} (all when null); empty when it has a finding that stops a command. */
    private static Optional<ReadProduction> read(Path root, Set<String> scenes) {
        try {
            ReadProduction read = CameraIntents.solve(scenes == null ? ProductionReader.read(root)
                    : ProductionReader.read(root, scenes::contains));
            return Workspace.stopping(read).isPresent() ? Optional.empty() : Optional.of(read);
        } catch (NotAProductionException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the scenes read again can be compiled on their own and the rest taken from the cache:
     * the same scene files, none continuing another, each changed file still declaring its scene,
     * and no scene declared twice (which scene a shot belongs to would then depend on the others).
     */
    private static boolean standAlone(PlanCache.Entry previous, List<String> sceneFiles, ReadProduction read,
            Set<String> changed) {
        List<String> files = previous.scenes().stream().map(PlanCache.Scene::file).sorted().toList();
        Set<String> ids = new HashSet<>();
        boolean unique = previous.scenes().stream().allMatch(s -> ids.add(s.id()) && !s.continues());
        List<ScenePlan> again = read.production().scenes();
        Map<String, String> idOf = previous.scenes().stream()
                .collect(Collectors.toMap(PlanCache.Scene::file, PlanCache.Scene::id));
        return unique && files.equals(sceneFiles) && again.size() == changed.size()
                && again.stream().allMatch(s -> !s.continues() && changed.contains(s.file()) && s.scene().equals(idOf.get(s.file())));
    }

    /** The cached scenes, in their edit order, with the changed ones compiled again. */
    private static List<PlanCache.Scene> reused(PlanCache.Entry previous, ReadProduction read, Target target,
            Optional<Integer> takes, Set<String> changed, InputFiles inputs) {
        Map<String, PlanCache.Scene> again = compiled(read, target, takes, inputs).stream()
                .collect(Collectors.toMap(PlanCache.Scene::file, Function.identity()));
        return previous.scenes().stream().map(s -> changed.contains(s.file()) ? again.get(s.file()) : s).toList();
    }

    /** Compiles every scene of {@code read}. */
    private static List<PlanCache.Scene> compiled(ReadProduction read, Target target, Optional<Integer> takes,
            InputFiles inputs) {
        RecipeCompiler compiler = new RecipeCompiler(read.production());
        List<PlanCache.Scene> out = new ArrayList<>();
        for (ScenePlan scene : read.production().scenes()) {
            List<Recipe> recipes = new ArrayList<>();
            for (Shot shot : scene.shots()) {
                recipes.addAll(compiler.compile(shot, target, takes));
            }
            out.add(new PlanCache.Scene(scene.file(), inputs.sha256(scene.file()), scene.scene(), scene.continues(), recipes));
        }
        return out;
    }

    /** The recipes of all scenes in edit order: compiled now, or read back from the cache. */
    private static List<Recipe> recipes(List<PlanCache.Scene> scenes) {
        return scenes.stream().flatMap(s -> s.recipes().stream()).toList();
    }

    /** Everything but the scene files that a recipe can depend on: other files, the target, the options. */
    private static String key(InputFiles inputs, List<String> sceneFiles, Target target, Optional<Integer> takes) {
        StringBuilder k = new StringBuilder("schema ").append(Recipe.SCHEMA).append("\ntakes ")
                .append(takes.map(String::valueOf).orElse("-")).append('\n');
        Set<String> scenes = Set.copyOf(sceneFiles);
        inputs.files().forEach((name, s) -> {
            if (!scenes.contains(name)) {
                k.append("file ").append(s.sha256()).append(' ').append(name).append('\n');
            }
        });
        for (Optional<Target> t = Optional.of(target); t.isPresent(); t = t.get().conditionsOn()) {
            k.append("target ").append(t.get().backend().name()).append(' ').append(t.get().backend().type()).append(' ')
                    .append(t.get().version()).append(' ').append(BackendFingerprint.hash(t.get().backend().settings()))
                    .append('\n');
        }
        return Sha256.hex(k.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What compiled the recipes: the contents of Slate's jars (or class files, when run from a
     * build's classes). A jar is known by its table of contents, every entry's name, size and
     * CRC-32 (the checksum of its bytes the zip format keeps): read from the central directory the
     * class loader has open already, without hashing the 1.2 MB of jars on every command, and still
     * changed by any change to any class (a rebuild of the same sources stays a hit).
     */
    static String code() {
        MessageDigest md = Sha256.digest();
        for (Class<?> c : List.of(RecipeCompiler.class, BuildPlan.class, CachedPlan.class)) {
            try {
                Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(where)) {
                    md.update(contents(where).getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                        md.update(in.readAllBytes());
                    }
                }
            } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
                md.update(("unknown " + c.getName() + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** A jar's entries in their order, one line each: name, size and CRC-32. */
    static String contents(Path jar) throws IOException {
        StringBuilder out = new StringBuilder(1 << 16);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                out.append(entry.getName()).append('\t').append(entry.getSize()).append('\t').append(entry.getCrc())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
