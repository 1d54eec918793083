package film.slate.cli;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.lock.LockFileException;
import film.slate.core.lock.PictureLock;
import film.slate.core.model.Production;
import film.slate.core.read.NotAProductionException;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildException;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.ShotSelector;
import film.slate.store.ForeignStoreException;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A production opened with its store and backends: what build, status, why and takes share. */
final class Workspace implements AutoCloseable {
    final Production production;
    final Store store;
    final Backends backends;

    private Workspace(Production production, Store store, Backends backends) {
        this.production = production;
        this.store = store;
        this.backends = backends;
    }

    /** Opens a production and its store with the generators on the class path (the demo's own production). */
    static Workspace open(Path dir) throws CommandError {
        return open(dir, Rig.standard());
    }

    /** Opens a production and its store, creating the store when there is none (what build needs). */
    static Workspace open(Path dir, Rig rig) throws CommandError {
        return open(dir, false, rig);
    }

    /**
     * Opens a production to look at it (status, why, takes): a production without a store is seen
     * with an empty one, and nothing is written into its folder.
     */
    static Workspace lookAt(Path dir, Rig rig) throws CommandError {
        return open(dir, true, rig);
    }

    private static Workspace open(Path dir, boolean lookOnly, Rig rig) throws CommandError {
        ReadProduction read;
        try {
            read = CameraIntents.solve(ProductionReader.read(dir));
        } catch (NotAProductionException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
        Optional<Diagnostic> error = stopping(read);
        if (error.isPresent()) {
            Diagnostic d = error.get();
            throw new CommandError(ExitCode.INVALID_PRODUCTION, d.position() + ": " + d.message()
                    + " (run 'slate check' for every finding)");
        }
        return of(read, dir, lookOnly, rig);
    }

    /** The finding that stops a command, if any. */
    static Optional<Diagnostic> stopping(ReadProduction read) {
        // A file that does not parse explains the errors that follow from it: name it first.
        return Unparsed.of(read).stream().findFirst()
                .or(() -> read.diagnostics().stream().filter(Diagnostic::isError).findFirst());
    }

    /**
     * Opens the store and backends of a production read without errors; {@code lookOnly} sees a
     * production without a store with an empty one and writes nothing.
     */
    static Workspace of(ReadProduction read, Path dir, boolean lookOnly, Rig rig) throws CommandError {
        try {
            Path root = read.production().root();
            Store store = lookOnly ? Store.openIfPresent(root) : Store.open(root);
            return new Workspace(read.production(), store, new Backends(read.production(), rig.generators()));
        } catch (ForeignStoreException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot open the store in " + dir.resolve(Store.FOLDER) + " ("
                    + e.getMessage() + ")");
        }
    }

    BuildPlan plan(Optional<String> backend, Optional<String> shots, Optional<Integer> takes) throws CommandError {
        ShotSelector selector = select(shots);
        try {
            String name = backends.resolveName(backend);
            return BuildPlan.of(new RecipeCompiler(production), backends.target(name), selector, takes, store);
        } catch (BuildException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    /** The shots {@code --shots} selects (all when absent); a selector that matches nothing is refused. */
    ShotSelector select(Optional<String> shots) throws CommandError {
        ShotSelector selector;
        try {
            selector = shots.map(ShotSelector::parse).orElse(ShotSelector.all());
        } catch (IllegalArgumentException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
        if (shots.isPresent() && production.shots().stream().noneMatch(selector)) {
            // A selector that matches nothing is a typo, not a request to render nothing.
            throw new CommandError(ExitCode.CANNOT_RUN, "--shots " + shots.get() + " matches no shot of " + production.root()
                    + "; scenes are " + String.join(", ", production.scenes().stream().map(s -> s.scene()).toList())
                    + " and characters " + String.join(", ", production.bible().characters().keySet()));
        }
        return selector;
    }

    /** Checks that a shot id names a shot. */
    String shot(String id) throws CommandError {
        if (production.shots().stream().noneMatch(s -> s.fullId().equals(id))) {
            throw new CommandError(ExitCode.CANNOT_RUN, "there is no shot " + id + " in " + production.root()
                    + "; name one as scene/shot, e.g. " + production.shots().stream().findFirst()
                            .map(s -> s.fullId()).orElse("1/1A"));
        }
        return id;
    }

    /** The production's picture lock (none without lock.yaml); a damaged lock.yaml stops the command at its line. */
    PictureLock lock() throws CommandError {
        try {
            return PictureLock.read(production.root());
        } catch (LockFileException e) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, e.getMessage() + " (run 'slate check' for every finding)");
        }
    }

    @Override
    public void close() {
        try {
            backends.close();
        } finally {
            store.close();
        }
    }
}
