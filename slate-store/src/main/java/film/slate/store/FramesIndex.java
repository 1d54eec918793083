package film.slate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generator that returns frames gets a small JSON index as its master,
 * {@code {"kind":"slate/frames","frames":[HASH, ...]}}: the frames it names are the take's too.
 */
public final class FramesIndex {
    /** An index names its frames by hash, 67 bytes each: 16 MB is a quarter of a million frames. */
    private static final long MAX = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FramesIndex() {
    }

    /** The frames that the object {@code hash} names, when it is a sound frames index. */
    public static Optional<List<String>> frames(ObjectStore objects, String hash) throws IOException {
        Optional<Long> size = objects.size(hash);
        if (size.isEmpty() || size.get() > MAX || size.get() == 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = objects.read(hash);
        } catch (DamagedObjectException e) {
            return Optional.empty(); // verify reports it; it names nothing that can be trusted
        }
        if (bytes[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode index = JSON.readTree(bytes);
            if (!index.path("kind").asText().equals("slate/frames")) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            index.path("frames").forEach(f -> out.add(f.asText()));
            return Optional.of(out);
        } catch (IOException notJson) {
            return Optional.empty(); // a master that starts with a brace but is no index
        }
    }
}
