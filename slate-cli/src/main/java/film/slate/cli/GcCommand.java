package film.slate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate gc}: removes objects that no take references, and leftovers of killed writers. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Remove stored objects that no take references (and temporary files of killed builds).",
            "It refuses (exit code 5) while a build is using the store."})
final class GcCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A frames index names its frames by hash, 67 bytes each: 16 MB is a quarter of a million frames. */
    private static final long FRAMES_INDEX_MAX = 16L << 20;

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
            Optional<StoreLock.Lease> alone = StoreLock.tryExclusive(store.root());
            if (alone.isEmpty()) {
                spec.commandLine().getErr().println("slate gc: a build is using the store in " + store.root()
                        + "; nothing was removed; run slate gc again when the build has finished");
                return ExitCode.BUSY;
            }
            try {
                return collect(store, out);
            } finally {
                alone.get().close();
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return ExitCode.IO;
        }
    }

    private static int collect(Store store, PrintWriter out) throws IOException {
        Set<String> keep = referenced(store);
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
    }

    /**
     * What the takes name, and the frames that a frames index names (a generator that returns
     * frames gets a small JSON index as its master, {@code {"kind":"slate/frames","frames":[...]}}).
     */
    static Set<String> referenced(Store store) throws IOException {
        Set<String> keep = new HashSet<>(store.takes().referencedObjects());
        // The reference files a take's recipe names: what makes the take again after the production moves on.
        for (String recipe : store.takes().renderedRecipes()) {
            store.recipes().get(recipe).ifPresent(r -> r.content().refs().forEach(ref -> ref.sha256().ifPresent(keep::add)));
        }
        for (String hash : List.copyOf(keep)) {
            Optional<Long> size = store.objects().size(hash);
            if (size.isEmpty() || size.get() > FRAMES_INDEX_MAX) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(store.objects().path(hash));
            if (bytes.length == 0 || bytes[0] != '{') {
                continue;
            }
            try {
                JsonNode index = JSON.readTree(bytes);
                if (index.path("kind").asText().equals("slate/frames")) {
                    index.path("frames").forEach(f -> keep.add(f.asText()));
                }
            } catch (IOException notJson) {
                // a master that starts with a brace but is no index: nothing more to keep
            }
        }
        return keep;
    }
}
