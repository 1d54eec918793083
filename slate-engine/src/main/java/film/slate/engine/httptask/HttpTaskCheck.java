package film.slate.engine.httptask;

import film.slate.core.yaml.Fields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/** Checks an http-task backend's settings at their lines: every field a task needs, and addresses that are http(s). */
final class HttpTaskCheck {
    private static final Set<String> FIELDS = Set.of("url", "method", "headers", "request", "api_key_env", "id",
            "status", "result", "error", "poll", "poll_interval", "done", "failed", "model", "inputs",
            "request_timeout", "retry_after_max", "unreachable_grace");

    private HttpTaskCheck() {
    }

    static void check(Fields f) {
        FIELDS.forEach(f::node);
        for (String k : List.of("url", "request", "id", "poll", "status", "result")) {
            if (!f.has(k)) {
                f.missing(k, "its value (the http-task backend in docs/FORMAT.md shows each field)");
            }
        }
        for (String k : List.of("url", "poll")) {
            f.text(k).filter(u -> !isHttpUrl(u)).ifPresent(u -> f.invalid(k, "is '" + u
                    + "', not an http:// or https:// address; write it like https://api.example.com/v1/tasks"));
        }
    }

    /** Whether a URL template ({@code ${name}} and {@code {id}} filled in later) is an http(s) address with a host. */
    private static boolean isHttpUrl(String template) {
        try {
            URI u = new URI(TaskTemplate.VAR.matcher(template).replaceAll("x").replace("{id}", "x"));
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
