package film.slate.core.lock;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Positions;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Target;
import film.slate.core.yaml.YamlMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Fixtures with a picture lock: lock.yaml locking a shot on the recipe the fixture compiles to now. */
public final class LockFixtures {
    private LockFixtures() {
    }

    /** The fixture with lock.yaml locking take 1 v1 of {@code shot} (previz) as the fixture is now. */
    public static UnaryOperator<FixtureProduction> locked(String shot) {
        return p -> p.put(PictureLock.FILE, PictureLock.none().with(lockOf(p, shot)).text());
    }

    static LockedShot lockOf(FixtureProduction p, String id) {
        Path dir;
        try {
            dir = Files.createTempDirectory("slate-lock-fixture");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Production production = ProductionReader.read(p.writeTo(dir)).production();
            Shot shot = production.shots().stream().filter(s -> s.fullId().equals(id)).findFirst().orElseThrow();
            SourcePosition at = SourcePosition.ofFile("slate.yaml");
            BackendConfig previz = production.manifest().backends().getOrDefault("previz",
                    new BackendConfig("previz", "previz", new YamlMapping(List.of(), at), Positions.of(at)));
            Recipe r = new RecipeCompiler(production).compile(shot, 1, Target.of(previz, "slate-previz/1"));
            return new LockedShot(id, 1, 1, r, "0".repeat(64), "ann", Instant.parse("2026-12-02T07:00:00Z"),
                    Optional.of("fixture"), SourcePosition.ofFile(PictureLock.FILE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
