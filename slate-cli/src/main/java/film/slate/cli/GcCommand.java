package film.slate.cli;

import film.slate.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate gc}: removes objects that no take references, and leftovers of killed writers. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Remove stored objects that no take references (and temporary files of killed builds).",
            "Run it when no build is running."})
final class GcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(dir.resolve("slate.yaml"))) {
            spec.commandLine().getErr().println("slate gc: " + dir + " is not a production folder (no slate.yaml)");
            return ExitCode.CANNOT_RUN;
        }
        try (Store store = Store.open(dir)) {
            Set<String> keep = store.takes().referencedObjects();
            int removed = 0;
            long bytes = 0;
            for (String hash : store.objects().all()) {
                if (!keep.contains(hash)) {
                    bytes += store.objects().size(hash).orElse(0L);
                    removed += store.objects().delete(hash) ? 1 : 0;
                }
            }
            int temp = store.objects().clearTemporary();
            store.events().append(film.slate.store.db.Event.of(System.getProperty("user.name", "someone"), "gc",
                    "objects", null, "{\"removed\":" + removed + ",\"bytes\":" + bytes + "}", "slate gc"));
            out.printf("removed %d objects (%d bytes) and %d temporary files; kept %d%n", removed, bytes, temp, keep.size());
            out.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return ExitCode.IO;
        }
    }
}
