package film.slate.engine.httptask;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.conditioning.Normalise;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Capability;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.generator.Settings;
import film.slate.engine.remote.Http;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.Reply;
import film.slate.engine.remote.Unreachable;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders takes on a hosted task API. Per take: create a task with {@code POST url} and the
 * {@code request} template filled in (with an {@code Idempotency-Key} naming the take version),
 * keep its id under {@code .slate/tasks/} so that a retry or a later build resumes the same task
 * instead of paying for another, poll {@code poll} until {@code status} is one of {@code done} or
 * {@code failed}, and download the URL at {@code result}. A 429 is waited out as its
 * {@code Retry-After} asks. The API key comes from the environment variable {@code api_key_env}
 * names, is substituted for {@code ${api_key}} in headers, URLs and the request, and is removed
 * from every message.
 */
public final class HttpTaskGenerator implements Generator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VAR = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final Set<String> STRING_ONLY = Set.of("prompt", "negative");

    private final Config config;
    private final Http http;
    private final Redactor redactor;
    private final Ffmpeg ffmpeg;
    private final Path tasks;

    /** The settings of one backend, read once. */
    record Config(String backend, String url, String method, Map<String, String> headers, JsonNode request,
            JsonPointer id, String poll, JsonPointer status, Set<String> done, Set<String> failed, JsonPointer result,
            Optional<JsonPointer> error, Duration pollInterval, Duration grace, Duration retryAfterMax,
            Set<String> inputs, Optional<String> apiKey, String apiKeyEnv, int concurrency) {
    }

    HttpTaskGenerator(Config config, Http http, Ffmpeg ffmpeg, Path productionRoot) {
        this.config = config;
        this.http = http;
        this.redactor = new Redactor(config.apiKey().map(List::of).orElse(List.of()));
        this.ffmpeg = ffmpeg;
        this.tasks = productionRoot.resolve(".slate").resolve("tasks").resolve(config.backend());
    }

    @Override
    public String version() {
        return "http-task/1";
    }

    @Override
    public Capabilities capabilities() {
        Set<Capability> f = Conditioning.features(config.inputs());
        return new Capabilities(f, config.concurrency(), false);
    }

    /** The key of a take version, sent as the create request's {@code Idempotency-Key}. */
    static String key(Recipe r) {
        return "slate-" + r.content().production() + "-" + r.id();
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        Path record = tasks.resolve(recipe.id() + ".json");
        Optional<String> taskId = remembered(record);
        Map<String, JsonNode> vars = variables(request);
        if (taskId.isEmpty()) {
            taskId = Optional.of(create(vars, key(recipe), cancellation));
            remember(record, taskId.get());
        }
        JsonNode finished;
        try {
            finished = follow(taskId.get(), vars, cancellation);
        } catch (TaskGone e) {
            forget(record);
            throw GeneratorFault.transientFault(e.getMessage(), null);
        } catch (GeneratorFault e) {
            if (!e.isTransient()) {
                forget(record); // a failed task is over: the next build asks for a new one
            }
            throw e;
        }
        progress.report(1, 2);
        JsonNode at = finished.at(config.result());
        if (at.isArray()) {
            at = at.path(0);
        }
        if (!at.isTextual() || at.asText().isBlank()) {
            forget(record);
            throw GeneratorFault.permanent("task " + taskId.get() + " is done but its answer has no result URL at "
                    + config.result() + ": " + redactor.apply(excerpt(finished)), null);
        }
        Path file = download(at.asText(), vars, request.outputDir().resolve("download"), cancellation);
        RenderResult r = Normalise.take(ffmpeg, recipe, Normalise.VIDEOS.contains(Normalise.ending(file))
                ? new Footage.Clip(file) : new Footage.Stills(List.of(file), OptionalDouble.empty()),
                request.outputDir(), "the task API", OptionalDouble.empty(), true);
        forget(record);
        progress.report(2, 2);
        return r;
    }

    // ---- the task record: the id of a created task, so that nothing is paid for twice ----

    private Optional<String> remembered(Path record) {
        try {
            if (Files.isRegularFile(record)) {
                String id = JSON.readTree(record.toFile()).path("task").asText("");
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
        } catch (IOException e) {
            // an unreadable record is as good as none
        }
        return Optional.empty();
    }

    private void remember(Path record, String id) throws GeneratorFault {
        try {
            Files.createDirectories(record.getParent());
            Path part = record.resolveSibling(record.getFileName() + ".part");
            ObjectNode o = JSON.createObjectNode().put("task", id).put("backend", config.backend())
                    .put("created", java.time.Instant.now().toString());
            Files.writeString(part, o.toString());
            Files.move(part, record, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot record task " + id + " (" + e.getMessage() + ")", e);
        }
    }

    private static void forget(Path record) {
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            // a stale record resumes a finished task: harmless
        }
    }

    // ---- the protocol ----

    private String create(Map<String, JsonNode> vars, String key, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        JsonNode body = fill(config.request(), vars);
        HttpRequest.Builder b = Http.request(uri(text(config.url(), vars)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .method(config.method(), HttpRequest.BodyPublishers.ofString(body.toString()));
        headers(b, vars);
        Reply r = send(b.build(), "creating a task", cancellation);
        if (!r.ok()) {
            throw refused(r, "refused to create the task");
        }
        JsonNode id = r.json().map(j -> j.at(config.id())).orElse(null);
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            throw GeneratorFault.transientFault("the task API answered the create request without an id at " + config.id()
                    + ": " + redactor.apply(r.excerpt(200)), null);
        }
        return id.asText();
    }

    /** A task the API no longer knows (404): created anew on the next attempt. */
    private static final class TaskGone extends Exception {
        private static final long serialVersionUID = 1L;

        TaskGone(String message) {
            super(message);
        }
    }

    private JsonNode follow(String id, Map<String, JsonNode> vars, Cancellation cancellation)
            throws GeneratorFault, InterruptedException, TaskGone {
        Map<String, JsonNode> with = new LinkedHashMap<>(vars);
        with.put("id", JsonNodeFactory.instance.textNode(id));
        long failingSince = -1;
        while (true) {
            cancellation.check();
            HttpRequest.Builder b = Http.request(uri(text(config.poll(), with, true))).GET();
            headers(b, vars);
            String fault;
            try {
                Reply r = send(b.build(), "polling task " + id, cancellation);
                if (r.status() == 404 || r.status() == 410) {
                    throw new TaskGone("task " + id + " is no longer known to the API (HTTP " + r.status()
                            + "); a new one will be created");
                }
                if (r.ok() && r.json().isPresent()) {
                    JsonNode j = r.json().get();
                    String status = j.at(config.status()).asText("");
                    if (config.done().contains(status)) {
                        return j;
                    }
                    if (config.failed().contains(status)) {
                        String why = config.error().map(p -> j.at(p)).filter(n -> !n.isMissingNode() && !n.isNull())
                                .map(n -> n.isValueNode() ? n.asText() : n.toString()).orElse("no reason given");
                        throw GeneratorFault.permanent(redactor.apply("the task API failed task " + id + " ("
                                + status + "): " + why), null);
                    }
                    failingSince = -1;
                    TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
                    continue;
                }
                if (r.status() >= 400 && r.status() < 500) {
                    throw refused(r, "refused to report task " + id);
                }
                fault = r.ok() ? "an answer that is not JSON: " + redactor.apply(r.excerpt(120))
                        : "HTTP " + r.status() + ": " + redactor.apply(r.excerpt(120));
            } catch (GeneratorFault e) {
                if (!e.isTransient()) {
                    throw e;
                }
                fault = e.getMessage();
            }
            long now = System.nanoTime();
            if (failingSince < 0) {
                failingSince = now;
            } else if (now - failingSince > config.grace().toNanos()) {
                throw GeneratorFault.transientFault("the task API kept failing while task " + id + " rendered (" + fault
                        + "); the next attempt resumes it", null);
            }
            TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
        }
    }

    private Path download(String url, Map<String, JsonNode> vars, Path dir, Cancellation cancellation) throws GeneratorFault, InterruptedException {
        URI u = uri(url);
        HttpRequest.Builder b = Http.request(u).GET();
        URI api = uri(config.url());
        if (api.getHost() != null && api.getHost().equalsIgnoreCase(u.getHost())) {
            headers(b, vars); // the API's own host may want the key; a signed storage URL must not get it
        }
        Reply r = send(b.build(), "downloading the result", cancellation, http.timeout().multipliedBy(4));
        if (!r.ok()) {
            throw GeneratorFault.transientFault(redactor.apply("downloading the result failed with HTTP " + r.status()
                    + ": " + r.excerpt(120)), null);
        }
        String ending = Normalise.ending(Path.of(u.getPath().isEmpty() ? "result" : u.getPath()));
        if (ending.isEmpty() || !Normalise.VIDEOS.contains(ending) && !Normalise.IMAGES.contains(ending)) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            ending = type.startsWith("image/") ? type.substring(6).replace("jpeg", "jpg") : "mp4";
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("result." + ending);
            Files.write(file, r.body());
            return file;
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot keep the downloaded result (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Sends a request; a 429 is waited out as long as its {@code Retry-After} asks (up to
     * {@code retry_after_max} in all), then sent again. Transport failures are transient.
     */
    private Reply send(HttpRequest request, String what, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        return send(request, what, cancellation, http.timeout());
    }

    private Reply send(HttpRequest request, String what, Cancellation cancellation, Duration deadline)
            throws GeneratorFault, InterruptedException {
        long waited = 0;
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
                    throw GeneratorFault.transientFault(redactor.apply(what + " failed with HTTP " + r.status() + ": "
                            + r.excerpt(120)), null);
                }
                return r;
            }
            long wait = retryAfter(r).toMillis();
            if (waited + wait > config.retryAfterMax().toMillis()) {
                throw GeneratorFault.transientFault("the task API is rate limiting (HTTP 429, Retry-After "
                        + (wait / 1000.0) + " s) longer than retry_after_max; the build retries later", null);
            }
            waited += wait;
            TimeUnit.MILLISECONDS.sleep(wait);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; a second when absent. */
    static Duration retryAfter(Reply r) {
        String v = r.headers().firstValue("Retry-After").orElse("").strip();
        if (v.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ex) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private GeneratorFault refused(Reply r, String what) {
        String why = r.json().flatMap(j -> config.error().map(j::at)).filter(n -> !n.isMissingNode() && !n.isNull())
                .map(n -> n.isValueNode() ? n.asText() : n.toString()).orElse(r.excerpt(200));
        String hint = r.status() == 401 || r.status() == 403 ? "; check the key in $" + config.apiKeyEnv() : "";
        return GeneratorFault.permanent(redactor.apply("the task API " + what + " (HTTP " + r.status() + "): " + why
                + hint), null);
    }

    private void headers(HttpRequest.Builder b, Map<String, JsonNode> vars) throws GeneratorFault {
        for (var h : config.headers().entrySet()) {
            b.header(h.getKey(), text(h.getValue(), vars));
        }
    }

    private URI uri(String s) throws GeneratorFault {
        try {
            URI u = URI.create(s);
            if (u.getScheme() == null || !u.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not http");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw GeneratorFault.permanent(redactor.apply("'" + s + "' is not an http(s) URL"), null);
        }
    }

    // ---- the template ----

    /** The values a template may name: the bind values, the take, the key and the files asked for as data URIs. */
    private Map<String, JsonNode> variables(RenderRequest request) throws GeneratorFault {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        Conditioning c = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
        for (String k : Conditioning.VALUES) {
            v.put(k, c.value(k));
        }
        Recipe r = request.recipe();
        JsonNodeFactory n = JsonNodeFactory.instance;
        v.put("shot", n.textNode(r.shot()));
        v.put("take", n.numberNode(r.take()));
        v.put("recipe_id", n.textNode(r.id()));
        v.put("key", n.textNode(key(r)));
        for (String k : Conditioning.FILES) {
            if (config.inputs().contains(k)) {
                Optional<Path> f = c.file(k);
                if (f.isPresent()) {
                    try {
                        String name = Conditioning.fileName(k, f.get());
                        String mime = name.endsWith(".png") ? "image/png" : name.endsWith(".mkv") ? "video/x-matroska"
                                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
                        v.put(k, n.textNode("data:" + mime + ";base64,"
                                + Base64.getEncoder().encodeToString(Files.readAllBytes(f.get()))));
                    } catch (IOException e) {
                        throw GeneratorFault.transientFault("cannot read the " + k + " file (" + e.getMessage() + ")", e);
                    }
                }
            }
        }
        config.apiKey().ifPresent(k -> v.put("api_key", n.textNode(k)));
        return v;
    }

    /** The template with {@code ${name}} filled: a whole-string placeholder keeps the value's JSON type. */
    JsonNode fill(JsonNode template, Map<String, JsonNode> vars) throws GeneratorFault {
        if (template.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            for (var e : template.properties()) {
                o.set(e.getKey(), fill(e.getValue(), vars));
            }
            return o;
        }
        if (template.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            for (JsonNode item : template) {
                a.add(fill(item, vars));
            }
            return a;
        }
        if (template.isTextual()) {
            Matcher m = VAR.matcher(template.asText());
            if (m.matches()) {
                return value(m.group(1), vars);
            }
            return JsonNodeFactory.instance.textNode(text(template.asText(), vars));
        }
        return template;
    }

    private JsonNode value(String name, Map<String, JsonNode> vars) throws GeneratorFault {
        JsonNode v = vars.get(name);
        if (v == null || v.isMissingNode()) {
            if (Conditioning.FILES.contains(name)) {
                return JsonNodeFactory.instance.nullNode(); // a file this take lacks
            }
            throw GeneratorFault.permanent("the http-task template of backend " + config.backend() + " names ${" + name
                    + "}, which Slate does not fill; use one of " + String.join(", ", known()), null);
        }
        return STRING_ONLY.contains(name) || v.isTextual() ? JsonNodeFactory.instance.textNode(v.asText()) : v;
    }

    private String text(String template, Map<String, JsonNode> vars) throws GeneratorFault {
        return text(template, vars, false);
    }

    private String text(String template, Map<String, JsonNode> vars, boolean encode) throws GeneratorFault {
        Matcher m = VAR.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String s = value(m.group(1), vars).asText();
            m.appendReplacement(b, Matcher.quoteReplacement(encode ? URLEncoder.encode(s, StandardCharsets.UTF_8) : s));
        }
        m.appendTail(b);
        return b.toString().replace("{id}", encode ? URLEncoder.encode(vars.getOrDefault("id",
                JsonNodeFactory.instance.textNode("{id}")).asText(), StandardCharsets.UTF_8) : "{id}");
    }

    private static List<String> known() {
        List<String> k = new ArrayList<>(Conditioning.VALUES);
        k.addAll(List.of("shot", "take", "recipe_id", "key", "api_key", "id"));
        k.addAll(Conditioning.FILES);
        return k;
    }

    private static String excerpt(JsonNode n) {
        String s = n.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Registered for {@code type: http-task}; the environment is read through {@code env} (tests give their own). */
    public static final class Provider implements GeneratorProvider {
        private final Function<String, String> env;

        public Provider() {
            this(System::getenv);
        }

        public Provider(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public String type() {
            return "http-task";
        }

        @Override
        public Generator open(BackendConfig backend, Path productionRoot) throws GeneratorFault {
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
            Set<String> done = strings(s.get("done"), "succeeded", "success", "completed", "done");
            Set<String> failed = strings(s.get("failed"), "failed", "error", "cancelled", "canceled");
            Set<String> inputs = new LinkedHashSet<>();
            s.get("inputs").forEach(n -> inputs.add(n.asText()));
            Duration timeout = s.seconds("request_timeout", 30);
            Config c = new Config(backend.name(), s.text("url").orElse(""),
                    s.text("method").orElse("POST").toUpperCase(Locale.ROOT), headers, s.get("request"),
                    pointer(s, "id"), s.text("poll").orElse(""), pointer(s, "status"), done, failed,
                    pointer(s, "result"), s.text("error").map(JsonPointer::compile), s.seconds("poll_interval", 2),
                    s.seconds("unreachable_grace", Math.max(60, 3 * s.number("request_timeout", 30))),
                    s.seconds("retry_after_max", 300), inputs, key, envName,
                    (int) Math.max(1, s.number("concurrency", 4)));
            if (c.url().isEmpty() || c.poll().isEmpty()) {
                throw GeneratorFault.permanent("backend " + backend.name() + " needs url and poll; run slate check", null);
            }
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            return new HttpTaskGenerator(c, new Http(timeout), ffmpeg, productionRoot);
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
}
