package film.slate.engine.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.Http;
import film.slate.engine.remote.Origin;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.Reply;
import film.slate.engine.remote.Unreachable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Requests to a task API: the configured headers (which carry the credentials) go only to the
 * exact origin of the API's {@code url}; a 429 is waited out as its {@code Retry-After} asks, up to
 * {@code retry_after_max}; every message is redacted before it is cut.
 */
final class TaskApi {
    private static final int EXCERPT = 200;

    private final HttpTaskSettings config;
    private final Http http;
    private final TaskTemplate template;
    private final Redactor redactor;
    private final BackendTime time;
    private final Origin origin;

    TaskApi(HttpTaskSettings config, Http http, TaskTemplate template, Redactor redactor, BackendTime time)
            throws GeneratorFault {
        this.config = config;
        this.http = http;
        this.template = template;
        this.redactor = redactor;
        this.time = time;
        this.origin = Origin.of(uri(config.url()));
    }

    Redactor redactor() {
        return redactor;
    }

    /** A request to {@code url} with the backend's headers when {@code url} is on the API's origin. */
    HttpRequest.Builder request(URI url, Map<String, JsonNode> vars) throws GeneratorFault {
        HttpRequest.Builder b = Http.request(url);
        if (origin.matches(url)) {
            for (var h : config.headers().entrySet()) {
                b.header(h.getKey(), template.text(h.getValue(), vars, false));
            }
        }
        return b;
    }

    Reply send(HttpRequest request, String what, Cancellation cancellation) throws GeneratorFault, InterruptedException {
        return send(request, what, cancellation, http.timeout());
    }

    /** Sends a request, waiting out 429s; transport failures and 5xx are transient. */
    Reply send(HttpRequest request, String what, Cancellation cancellation, Duration deadline)
            throws GeneratorFault, InterruptedException {
        Duration waited = Duration.ZERO;
        while (true) {
            cancellation.check();
            Reply r;
            try {
                r = http.send(request, deadline);
            } catch (Unreachable e) {
                throw GeneratorFault.transientFault(redactor.apply(what + " failed: " + e.getMessage()), null);
            }
            if (r.status() != 429) {
                if (r.status() >= 500) {
                    throw GeneratorFault.transientFault(what + " failed with HTTP " + r.status() + ": "
                            + r.excerpt(redactor, 120), null);
                }
                return r;
            }
            Duration wait = retryAfter(r, time);
            if (waited.plus(wait).compareTo(config.retryAfterMax()) > 0) {
                throw GeneratorFault.transientFault("the task API is rate limiting (HTTP 429, Retry-After "
                        + (wait.toMillis() / 1000.0) + " s) longer than retry_after_max; the build retries later", null);
            }
            waited = waited.plus(wait);
            time.sleep(wait);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; a second when absent. */
    static Duration retryAfter(Reply r, BackendTime time) {
        String v = r.headers().firstValue("Retry-After").orElse("").strip();
        if (v.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(time.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ex) {
                return Duration.ofSeconds(1);
            }
        }
    }

    /** The fault of a 4xx answer, with the API's own reason when its {@code error} pointer finds one. */
    GeneratorFault refused(Reply r, String what) {
        String why = r.json().flatMap(j -> config.error().map(j::at)).filter(n -> !n.isMissingNode() && !n.isNull())
                .map(n -> n.isValueNode() ? n.asText() : n.toString()).map(s -> redactor.excerpt(s, EXCERPT))
                .orElse(r.excerpt(redactor, EXCERPT));
        String hint = r.status() == 401 || r.status() == 403 ? "; check the key in $" + config.apiKeyEnv() : "";
        return GeneratorFault.permanent("the task API " + what + " (HTTP " + r.status() + "): " + why + hint, null);
    }

    URI uri(String s) throws GeneratorFault {
        try {
            URI u = URI.create(s);
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw GeneratorFault.permanent("'" + redactor.excerpt(s, EXCERPT) + "' is not an http(s) URL", null);
        }
    }
}
