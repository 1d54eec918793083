package film.slate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import film.slate.core.breakdown.BreakdownInputs;
import film.slate.core.breakdown.PlannedShots;
import film.slate.core.fountain.Fountain;
import film.slate.core.fountain.FountainDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The few things the script tools read from a production folder: the screenplay that {@code
 * slate.yaml} names, and, for the breakdown, bible props and characters and the planned shots.
 * A deliberately small reader (the full production model does the rest and checks it); files it
 * cannot read are left out with a warning, since {@code slate check} is where they get fixed.
 */
final class ProductionFolder {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path root;
    private final Path screenplay;

    private ProductionFolder(Path root, Path screenplay) {
        this.root = root;
        this.screenplay = screenplay;
    }

    /**
     * A production folder, or a bare {@code .fountain} file (then there is no bible and no plan).
     *
     * @throws CommandError when the path is missing or is not a production with a screenplay
     */
    static ProductionFolder open(Path path) throws CommandError {
        if (Files.isRegularFile(path)) {
            Path abs = path.toAbsolutePath().normalize();
            return new ProductionFolder(abs.getParent(), abs);
        }
        if (!Files.isDirectory(path)) {
            throw new CommandError(ExitCode.CANNOT_RUN, path + " does not exist; name a production folder or a"
                    + " .fountain file");
        }
        Path root = path.toAbsolutePath().normalize();
        Path manifest = root.resolve("slate.yaml");
        if (!Files.isRegularFile(manifest)) {
            throw new CommandError(ExitCode.CANNOT_RUN, path + " is not a production folder (it has no slate.yaml);"
                    + " name the folder that holds slate.yaml, or a .fountain file");
        }
        JsonNode node;
        try {
            node = YAML.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, path.resolve("slate.yaml")
                    + " does not parse as YAML; run 'slate check' to see where");
        }
        JsonNode named = node == null ? null : node.get("screenplay");
        if (named == null || !named.isTextual() || named.asText().isBlank()) {
            throw new CommandError(ExitCode.CANNOT_RUN, path.resolve("slate.yaml") + " names no screenplay; add"
                    + " 'screenplay: screenplay.fountain' to it");
        }
        Path script = root.resolve(named.asText()).normalize();
        if (!script.startsWith(root)) {
            throw new CommandError(ExitCode.INVALID_PRODUCTION, "slate.yaml names the screenplay " + named.asText()
                    + ", which is outside the production folder; move it inside");
        }
        if (!Files.isRegularFile(script)) {
            throw new CommandError(ExitCode.CANNOT_RUN, "slate.yaml names the screenplay " + named.asText()
                    + ", which does not exist in " + path + "; fix the path or add the file");
        }
        return new ProductionFolder(root, script);
    }

    /** The screenplay, positions naming its path relative to the production folder. */
    FountainDocument screenplay() throws CommandError {
        String label = root.relativize(screenplay).toString().replace('\\', '/');
        try {
            return Fountain.parse(label, Files.readAllBytes(screenplay));
        } catch (NoSuchFileException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, screenplay + " does not exist");
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot read " + screenplay + " (" + e.getMessage() + ")");
        }
    }

    /** Bible props and characters and planned shots, as far as they can be read. */
    BreakdownInputs breakdownInputs(PrintWriter warnings) {
        List<String> props = keys(root.resolve("bible/props.yaml"), warnings);
        List<String> characters = keys(root.resolve("bible/characters.yaml"), warnings);
        Map<String, PlannedShots> shots = new LinkedHashMap<>();
        Path dir = root.resolve("shots");
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                warnings.println("slate: warning: cannot list " + dir + "; planned shots are left out");
                files = List.of();
            }
            for (Path f : files) {
                JsonNode plan = read(f, warnings);
                if (plan == null || !plan.hasNonNull("scene")) {
                    continue;
                }
                int count = 0;
                double seconds = 0;
                for (JsonNode shot : plan.path("shots")) {
                    count++;
                    double d = shot.path("duration").asDouble(0);
                    seconds += Double.isFinite(d) && d > 0 ? d : 0;
                }
                shots.merge(plan.get("scene").asText(), new PlannedShots(count, seconds),
                        (a, b) -> new PlannedShots(a.count() + b.count(), a.seconds() + b.seconds()));
            }
        }
        return new BreakdownInputs(props, characters, shots);
    }

    private List<String> keys(Path file, PrintWriter warnings) {
        List<String> keys = new ArrayList<>();
        JsonNode node = Files.isRegularFile(file) ? read(file, warnings) : null;
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
        }
        return keys;
    }

    private JsonNode read(Path file, PrintWriter warnings) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            warnings.println("slate: warning: " + root.relativize(file) + " does not parse; it is left out of the"
                    + " breakdown (run 'slate check' to see why)");
            return null;
        }
    }
}
