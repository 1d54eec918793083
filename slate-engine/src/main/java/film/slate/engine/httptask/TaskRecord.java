package film.slate.engine.httptask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.engine.generator.GeneratorFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The id of the task created for one take version, kept on disk so that a retry or a later build
 * resumes the same task instead of paying for another.
 */
final class TaskRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final String backend;

    TaskRecord(Path file, String backend) {
        this.file = file;
        this.backend = backend;
    }

    /** The remembered task id; an unreadable record is as good as none. */
    Optional<String> task() {
        try {
            if (Files.isRegularFile(file)) {
                String id = JSON.readTree(file.toFile()).path("task").asText("");
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
        } catch (IOException e) {
            // as good as none
        }
        return Optional.empty();
    }

    void remember(String id, Instant now) throws GeneratorFault {
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            ObjectNode o = JSON.createObjectNode().put("task", id).put("backend", backend).put("created", now.toString());
            Files.writeString(part, o.toString());
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot record task " + id + " (" + e.getMessage() + ")", e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale record resumes a finished task: harmless
        }
    }
}
