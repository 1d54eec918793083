package film.slate.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A server's answer: status, headers and the whole body. */
public record Reply(int status, HttpHeaders headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or empty when it is not JSON. */
    public Optional<JsonNode> json() {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first characters of the body, secrets removed before the cut, on one line: for messages. */
    public String excerpt(Redactor redactor, int max) {
        return redactor.excerpt(text(), max);
    }
}
