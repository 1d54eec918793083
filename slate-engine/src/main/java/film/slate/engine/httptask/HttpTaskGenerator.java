package film.slate.engine.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.conditioning.Normalise;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.Http;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.Reply;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Renders takes on a hosted task API. Per take: create a task with {@code POST url} and the
 * {@code request} template filled in (with an {@code Idempotency-Key} naming the take version),
 * keep its id in the backend's state folder ({@link TaskRecord}, {@link GeneratorPlace#state()}) so that a retry or a later build
 * resumes the same task instead of paying for another, poll {@code poll} until {@code status} is
 * one of {@code done} or {@code failed}, and download the URL at {@code result}. The API key comes
 * from the environment variable {@code api_key_env} names, is substituted for {@code ${api_key}}
 * ({@link TaskTemplate}), goes only to the API's origin and is removed from every message ({@link TaskApi}).
 */
public final class HttpTaskGenerator implements Generator {
    private final HttpTaskSettings config;
    private final TaskApi api;
    private final TaskTemplate template;
    private final Redactor redactor;
    private final BackendTime time;
    private final Ffmpeg ffmpeg;
    private final Path tasks;

    HttpTaskGenerator(HttpTaskSettings config, Http http, BackendTime time, Ffmpeg ffmpeg, Path tasks)
            throws GeneratorFault {
        this.config = config;
        this.redactor = new Redactor(config.apiKey().map(List::of).orElse(List.of()));
        this.template = new TaskTemplate(config, ffmpeg);
        this.api = new TaskApi(config, http, template, redactor, time);
        this.time = time;
        this.ffmpeg = ffmpeg;
        this.tasks = tasks;
    }

    @Override
    public String version() {
        return "http-task/1";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Conditioning.features(config.inputs()), config.concurrency(), false);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        TaskRecord record = new TaskRecord(tasks.resolve(recipe.id() + ".json"), config.backend());
        Optional<String> taskId = record.task();
        Map<String, JsonNode> vars = template.variables(request);
        if (taskId.isEmpty()) {
            taskId = Optional.of(create(vars, TaskTemplate.key(recipe), cancellation));
            record.remember(taskId.get(), time.now());
        }
        JsonNode finished;
        try {
            finished = follow(taskId.get(), vars, cancellation);
        } catch (TaskGone e) {
            record.forget();
            throw GeneratorFault.transientFault(e.getMessage(), null);
        } catch (GeneratorFault e) {
            if (!e.isTransient()) {
                record.forget(); // a failed task is over: the next build asks for a new one
            }
            throw e;
        }
        progress.report(1, 2);
        JsonNode at = finished.at(config.result());
        if (at.isArray()) {
            at = at.path(0);
        }
        if (!at.isTextual() || at.asText().isBlank()) {
            record.forget();
            throw GeneratorFault.permanent("task " + taskId.get() + " is done but its answer has no result URL at "
                    + config.result() + ": " + redactor.excerpt(finished.toString(), 200), null);
        }
        Path file = download(at.asText(), vars, request.outputDir().resolve("download"), cancellation);
        RenderResult r = Normalise.take(ffmpeg, recipe, Normalise.VIDEOS.contains(Normalise.ending(file))
                ? new Footage.Clip(file) : new Footage.Stills(List.of(file), OptionalDouble.empty()),
                request.outputDir(), "the task API", OptionalDouble.empty(), true);
        record.forget();
        progress.report(2, 2);
        return r;
    }

    private String create(Map<String, JsonNode> vars, String key, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        JsonNode body = template.fill(config.request(), vars);
        HttpRequest request = api.request(api.uri(template.text(config.url(), vars, false)), vars)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .method(config.method(), HttpRequest.BodyPublishers.ofString(body.toString())).build();
        Reply r = api.send(request, "creating a task", cancellation);
        if (!r.ok()) {
            throw api.refused(r, "refused to create the task");
        }
        JsonNode id = r.json().map(j -> j.at(config.id())).orElse(null);
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            throw GeneratorFault.transientFault("the task API answered the create request without an id at " + config.id()
                    + ": " + r.excerpt(redactor, 200), null);
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

    /** Polls the task until it is done or failed; an API that keeps failing for longer than the grace is given up on. */
    private JsonNode follow(String id, Map<String, JsonNode> vars, Cancellation cancellation)
            throws GeneratorFault, InterruptedException, TaskGone {
        Map<String, JsonNode> with = new LinkedHashMap<>(vars);
        with.put("id", JsonNodeFactory.instance.textNode(id));
        Instant failingSince = null;
        while (true) {
            cancellation.check();
            String fault;
            try {
                Optional<JsonNode> done = poll(id, with, cancellation);
                if (done.isPresent()) {
                    return done.get();
                }
                failingSince = null;
                time.sleep(config.pollInterval());
                continue;
            } catch (PollFault e) {
                fault = e.getMessage();
            }
            if (failingSince == null) {
                failingSince = time.now();
            } else if (time.passed(failingSince, config.grace())) {
                throw GeneratorFault.transientFault("the task API kept failing while task " + id + " rendered (" + fault
                        + "); the next attempt resumes it", null);
            }
            time.sleep(config.pollInterval());
        }
    }

    /** A poll that failed in a way a later poll may not. */
    private static final class PollFault extends Exception {
        private static final long serialVersionUID = 1L;

        PollFault(String message) {
            super(message);
        }
    }

    /** One poll: the finished answer, or empty while the task runs. */
    private Optional<JsonNode> poll(String id, Map<String, JsonNode> with, Cancellation cancellation)
            throws GeneratorFault, InterruptedException, TaskGone, PollFault {
        Reply r;
        try {
            r = api.send(api.request(api.uri(template.text(config.poll(), with, true)), with).GET().build(),
                    "polling task " + id, cancellation);
        } catch (GeneratorFault e) {
            if (!e.isTransient()) {
                throw e;
            }
            throw new PollFault(e.getMessage());
        }
        if (r.status() == 404 || r.status() == 410) {
            throw new TaskGone("task " + id + " is no longer known to the API (HTTP " + r.status()
                    + "); a new one will be created");
        }
        if (r.ok() && r.json().isPresent()) {
            JsonNode j = r.json().get();
            String status = j.at(config.status()).asText("");
            if (config.failed().contains(status)) {
                String why = config.error().map(p -> j.at(p)).filter(n -> !n.isMissingNode() && !n.isNull())
                        .map(n -> n.isValueNode() ? n.asText() : n.toString()).orElse("no reason given");
                throw GeneratorFault.permanent("the task API failed task " + id + " (" + redactor.apply(status) + "): "
                        + redactor.excerpt(why, 300), null);
            }
            return config.done().contains(status) ? Optional.of(j) : Optional.empty();
        }
        if (r.status() >= 400 && r.status() < 500) {
            throw api.refused(r, "refused to report task " + id);
        }
        throw new PollFault(r.ok() ? "an answer that is not JSON: " + r.excerpt(redactor, 120)
                : "HTTP " + r.status() + ": " + r.excerpt(redactor, 120));
    }

    private Path download(String url, Map<String, JsonNode> vars, Path dir, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        URI u = api.uri(url);
        // api.request adds the headers only on the API's own origin: a signed storage URL must not get the key
        Reply r = api.send(api.request(u, vars).GET().build(), "downloading the result", cancellation,
                config.requestTimeout().multipliedBy(4));
        if (!r.ok()) {
            throw GeneratorFault.transientFault("downloading the result failed with HTTP " + r.status() + ": "
                    + r.excerpt(redactor, 120), null);
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

    /** Registered for {@code type: http-task}; the environment and time are passed in (tests give their own). */
    public static final class Provider implements GeneratorProvider {
        private final Function<String, String> env;
        private final BackendTime time;

        public Provider() {
            this(System::getenv);
        }

        public Provider(Function<String, String> env) {
            this(env, BackendTime.system());
        }

        public Provider(Function<String, String> env, BackendTime time) {
            this.env = env;
            this.time = time;
        }

        @Override
        public String type() {
            return "http-task";
        }

        @Override
        public void check(film.slate.core.yaml.Fields settings, film.slate.core.read.SettingsFiles files) {
            HttpTaskCheck.check(settings);
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
            HttpTaskSettings c = HttpTaskSettings.read(backend, env);
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            return new HttpTaskGenerator(c, new Http(c.requestTimeout()), time, ffmpeg, place.state());
        }
    }
}
