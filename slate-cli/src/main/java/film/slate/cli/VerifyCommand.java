package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.store.Actor;
import film.slate.store.Audit;
import film.slate.store.ForeignStoreException;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import film.slate.store.db.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate verify}: like {@code git fsck}, every object re-hashed and every take's objects checked. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the store: re-hash every object, check every take's master, proxy and depth, and run the"
                + " database's integrity check; one line per problem.",
            "Exit 0 clean, 1 problems found, 4 the store cannot be read."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--repair", description = "Mark takes whose objects are bad missing (on the record), so that the next"
            + " build renders them again, move damaged objects to .slate/damaged, and adopt takes that their receipts show"
            + " and the database lost, and restore damaged recipe rows from the recipes' objects; a sound object is never"
            + " touched.")
    boolean repair;

    @Option(names = "--json", description = "Print the findings as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProductionFolder.require(dir);
        } catch (CommandError e) {
            err.println("slate verify: " + e.getMessage());
            return e.exitCode();
        }
        if (!Files.isDirectory(dir.resolve(Store.FOLDER))) {
            report(Audit.Findings.none(), Optional.empty());
            return ExitCode.OK; // nothing stored yet, nothing to be wrong (and nothing is written)
        }
        try (Store store = Store.open(dir)) {
            Optional<StoreLock.Lease> alone = repair ? StoreLock.tryExclusive(store.root()) : Optional.empty();
            if (repair && alone.isEmpty()) {
                err.println("slate verify: a build is using the store in " + store.root() + "; nothing was repaired;"
                        + " run slate verify --repair again when the build has finished");
                return ExitCode.BUSY;
            }
            try {
                Audit.Findings found = Audit.run(store);
                Optional<Audit.Repair> done = repair && !found.clean()
                        ? Optional.of(Audit.repair(store, found, Actor.current())) : Optional.empty();
                report(found, done);
                return found.clean() ? ExitCode.OK : ExitCode.FINDINGS;
            } finally {
                alone.ifPresent(StoreLock.Lease::close);
            }
        } catch (ForeignStoreException e) {
            err.println("slate verify: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            err.println("slate verify: cannot read the store in " + dir.resolve(Store.FOLDER) + ": " + e.getMessage());
            return ExitCode.IO;
        } catch (StoreException e) {
            err.println("slate verify: " + e.sentence().orElse("cannot read the store's database (" + e.getMessage() + ")"));
            return ExitCode.IO;
        }
    }

    private void report(Audit.Findings found, Optional<Audit.Repair> done) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("store", dir.resolve(Store.FOLDER).toString()).put("objects", found.objects())
                    .put("takes", found.takes()).put("clean", found.clean());
            ArrayNode problems = root.putArray("problems");
            found.problems().forEach(p -> problems.addObject().put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("subject", p.subject()).put("message", p.message()));
            done.ifPresent(r -> {
                ObjectNode repaired = root.putObject("repaired");
                ArrayNode marked = repaired.putArray("marked_missing");
                r.markedMissing().forEach(t -> marked.add(t.label() + " v" + t.version()));
                ArrayNode moved = repaired.putArray("moved_aside");
                r.movedAside().forEach(moved::add);
                ArrayNode adopted = repaired.putArray("adopted");
                r.adopted().forEach(t -> adopted.add(t.label() + " " + t.recipe()));
                ArrayNode restored = repaired.putArray("restored_recipes");
                r.restoredRecipes().forEach(restored::add);
            });
            out.println(root);
        } else {
            found.problems().forEach(p -> out.println(p.line()));
            done.ifPresent(r -> out.println("repaired: " + r.markedMissing().size() + " take versions marked missing"
                    + " ('slate build' renders them again), " + r.movedAside().size() + " damaged objects moved to "
                    + dir.resolve(Store.FOLDER).resolve(Audit.DAMAGED) + ", " + r.adopted().size() + " lost takes adopted"
                    + " from their receipts, " + r.restoredRecipes().size() + " damaged recipes restored from their objects"));
            spec.commandLine().getErr().println("slate verify: " + found.objects() + " objects and " + found.takes()
                    + " take versions checked; " + (found.clean() ? "no problems" : found.problems().size() + " problems"
                    + (done.isPresent() || repair ? "" : "; 'slate verify --repair' marks the takes concerned missing")));
        }
        out.flush();
    }
}
