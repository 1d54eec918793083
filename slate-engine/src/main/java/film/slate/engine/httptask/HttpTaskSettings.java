package film.slate.engine.httptask;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.BackendConfig;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The settings of one http-task backend with their defaults, read once. */
record HttpTaskSettings(String backend, String url, String method, Map<String, String> headers, JsonNode request,
        JsonPointer id, String poll, JsonPointer status, Set<String> done, Set<String> failed, JsonPointer result,
        Optional<JsonPointer> error, Duration pollInterval, Duration grace, Duration retryAfterMax,
        Set<String> inputs, Optional<String> apiKey, String apiKeyEnv, int concurrency, Duration requestTimeout) {

    /** Reads a backend's settings; the key from the variable {@code api_key_env} names, through {@code env}. */
    static HttpTaskSettings read(BackendConfig backend, Function<String, String> env) throws GeneratorFault {
        Settings s = new Settings(backend);
        String envName = s.text("api_key_env").orElse("");
        Optional<String> key = Optional.empty();
        if (!envName.isEmpty()) {
            String v = env.apply(envName);
            if (v == null || v.isBlank()) {
                throw GeneratorFault.permanent("backend " + backend.name() + " reads its API key from $" + envName
                        + ", which is not set; export it before slate build", null);
            }
            key = Optional.of(v.strip());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        s.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        Set<String> inputs = new LinkedHashSet<>();
        s.get("inputs").forEach(n -> inputs.add(n.asText()));
        HttpTaskSettings c = new HttpTaskSettings(backend.name(), s.text("url").orElse(""),
                s.text("method").orElse("POST").toUpperCase(Locale.ROOT), headers, s.get("request"),
                pointer(s, "id"), s.text("poll").orElse(""), pointer(s, "status"),
                strings(s.get("done"), "succeeded", "success", "completed", "done"),
                strings(s.get("failed"), "failed", "error", "cancelled", "canceled"),
                pointer(s, "result"), s.text("error").map(JsonPointer::compile), s.seconds("poll_interval", 2),
                s.seconds("unreachable_grace", Math.max(60, 3 * s.number("request_timeout", 30))),
                s.seconds("retry_after_max", 300), inputs, key, envName,
                (int) Math.max(1, s.number("concurrency", 4)), s.seconds("request_timeout", 30));
        if (c.url().isEmpty() || c.poll().isEmpty()) {
            throw GeneratorFault.permanent("backend " + backend.name() + " needs url and poll; run slate check", null);
        }
        return c;
    }

    private static JsonPointer pointer(Settings s, String key) throws GeneratorFault {
        try {
            return JsonPointer.compile(s.text(key).orElseThrow(() -> GeneratorFault.permanent("backend "
                    + s.backendName() + " needs '" + key + "' (a JSON pointer); run slate check", null)));
        } catch (IllegalArgumentException e) {
            throw GeneratorFault.permanent("'" + key + "' of backend " + s.backendName()
                    + " is not a JSON pointer; write it like /data/id", e);
        }
    }

    private static Set<String> strings(JsonNode n, String... fallback) {
        Set<String> out = new LinkedHashSet<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        } else {
            out.addAll(List.of(fallback));
        }
        return out;
    }
}
