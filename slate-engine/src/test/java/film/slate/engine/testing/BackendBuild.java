package film.slate.engine.testing;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.BuildSummary;
import film.slate.engine.build.Builder;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A build of a production's default backend through the real Builder, with the generators on the class path. */
public final class BackendBuild {
    private BackendBuild() {
    }

    public record Result(BuildSummary summary, List<BuildEvent> events, Store store) {
        public List<BuildEvent> of(BuildEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }
    }

    /** {@code extra} providers take the place of the discovered ones of their type. */
    public static Result run(Path dir, int jobs, film.slate.engine.generator.GeneratorProvider... extra) throws Exception {
        Production p = ProductionReader.read(dir).production();
        Store store = Store.open(dir);
        Generators generators = Generators.discover();
        for (var e : extra) {
            generators = generators.with(e);
        }
        try (Backends backends = new Backends(p, generators)) {
            String name = backends.resolveName(Optional.empty());
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target(name), ShotSelector.all(),
                    Optional.empty(), store);
            List<BuildEvent> events = new CopyOnWriteArrayList<>();
            BuildOptions options = BuildOptions.defaults().withJobs(jobs).withRetryBase(Duration.ofMillis(20));
            BuildSummary s = new Builder(store, backends, options).run(plan, events::add);
            return new Result(s, events, store);
        }
    }

    /** Every byte under {@code .slate/} (database, log, objects), as one Latin-1 string for greps. */
    public static String storeBytes(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir.resolve(".slate"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return b.toString();
    }
}
