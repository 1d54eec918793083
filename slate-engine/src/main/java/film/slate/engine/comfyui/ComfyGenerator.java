package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
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
import film.slate.engine.remote.BadAnswer;
import film.slate.engine.remote.Http;
import film.slate.engine.remote.Reply;
import film.slate.engine.remote.Unreachable;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Renders takes on a pool of ComfyUI servers. Per take: find a prompt that already carries the
 * take's key (queued, running or finished) and follow it; otherwise upload the bound files, submit
 * the bound graph, and follow the id the server answers; poll {@code /history/{id}} with
 * {@code /queue} to tell "still queued" from "lost"; download the outputs with {@code /view} and
 * normalise them into a master and a proxy. Refusals and node failures are permanent; refused
 * connections, 5xx, timeouts and lost prompts are transient, and the retry looks the key up first,
 * so a retry never queues a duplicate.
 */
public final class ComfyGenerator implements Generator {
    /** The field of a prompt's {@code extra_data} that holds Slate's key. */
    static final String KEY_FIELD = "slate";

    private final String backend;
    private final ComfyWorkflow workflow;
    private final List<ComfyServer> servers;
    private final String version;
    private final Duration pollInterval;
    private final Duration grace;
    private final Duration requestTimeout;
    private final Ffmpeg ffmpeg;
    private final String clientId = "slate-" + UUID.randomUUID();
    private final Object freed = new Object();

    ComfyGenerator(String backend, ComfyWorkflow workflow, List<ComfyServer> servers, String version,
            Duration pollInterval, Duration grace, Duration requestTimeout, Ffmpeg ffmpeg) {
        this.backend = backend;
        this.workflow = workflow;
        this.servers = List.copyOf(servers);
        this.version = version;
        this.pollInterval = pollInterval;
        this.grace = grace;
        this.requestTimeout = requestTimeout;
        this.ffmpeg = ffmpeg;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Capabilities capabilities() {
        Set<Capability> f = Conditioning.features(workflow.bound());
        int total = servers.stream().filter(s -> s.excluded == null).mapToInt(s -> s.capacity).sum();
        return new Capabilities(f, Math.max(1, total), false);
    }

    /** The key of a take version: the production, the take and its recipe. */
    static String key(Recipe r) {
        return "slate/" + r.content().production() + "/" + r.label() + "/" + r.id();
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        String key = key(recipe);
        // 1. A prompt of this take already on a server: follow it instead of submitting again.
        Optional<Located> located = locate(key);
        ComfyServer server;
        String promptId;
        JsonNode finished;
        if (located.isPresent()) {
            server = located.get().server();
            server.slots.acquire();
            try {
                promptId = located.get().found().promptId();
                finished = located.get().found().finished().isPresent() ? located.get().found().finished().get()
                        : follow(server, promptId, cancellation);
            } finally {
                release(server);
            }
        } else {
            server = acquire(cancellation);
            try {
                Conditioning c = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
                Map<String, String> names = upload(server, c);
                promptId = submit(server, workflow.graphFor(c, names), key, cancellation);
                finished = follow(server, promptId, cancellation);
            } finally {
                release(server);
            }
        }
        progress.report(1, 2);
        Footage footage = download(server, promptId, finished, request.outputDir().resolve("comfyui"));
        RenderResult result = Normalise.take(ffmpeg, recipe, footage, request.outputDir(), "ComfyUI at " + server.url,
                OptionalDouble.empty(), true);
        progress.report(2, 2);
        return result;
    }

    record Located(ComfyServer server, ComfyServer.Found found) {
    }

    /**
     * Looks for the key on every server of the pool. A server that refuses connections is skipped
     * (it is down, and a restart empties ComfyUI's queue); one that answers badly may hold the
     * prompt, so nothing is submitted until it can be asked.
     */
    private Optional<Located> locate(String key) throws GeneratorFault, InterruptedException {
        for (ComfyServer s : servers) {
            if (s.excluded != null) {
                continue;
            }
            try {
                Optional<ComfyServer.Found> f = s.find(key);
                s.answered();
                if (f.isPresent()) {
                    return Optional.of(new Located(s, f.get()));
                }
            } catch (Unreachable e) {
                s.failed(e.getMessage());
                if (e.ambiguous()) {
                    throw lookupFailed(s, e);
                }
            } catch (IOException e) {
                s.failed(e.getMessage());
                throw lookupFailed(s, e);
            }
        }
        return Optional.empty();
    }

    private static GeneratorFault lookupFailed(ComfyServer s, IOException e) {
        return GeneratorFault.transientFault("cannot tell whether " + s.url + " already holds this take's prompt ("
                + e.getMessage() + "); nothing is submitted until it answers", null);
    }

    /**
     * After a submission whose answer was lost: the server may still queue it. Looks for the key
     * until twice the request timeout has passed.
     */
    private Optional<String> reappear(ComfyServer server, String key, Cancellation cancellation)
            throws InterruptedException, GeneratorFault {
        long deadline = System.nanoTime() + 2 * requestTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            cancellation.check();
            try {
                Optional<ComfyServer.Found> f = server.find(key);
                if (f.isPresent()) {
                    return Optional.of(f.get().promptId());
                }
            } catch (IOException e) {
                // keep asking until the deadline
            }
            TimeUnit.MILLISECONDS.sleep(Math.max(10, pollInterval.toMillis()));
        }
        return Optional.empty();
    }

    /** A slot on a healthy server: the one with the most free slots; waits while all are busy. */
    private ComfyServer acquire(Cancellation cancellation) throws GeneratorFault, InterruptedException {
        while (true) {
            cancellation.check();
            List<ComfyServer> usable = new ArrayList<>();
            for (ComfyServer s : servers) {
                if (s.excluded == null && (!s.resting() || recheck(s))) {
                    usable.add(s);
                }
            }
            if (usable.isEmpty()) {
                StringBuilder why = new StringBuilder();
                for (ComfyServer s : servers) {
                    why.append(why.length() == 0 ? "" : "; ").append(s.url).append(": ")
                            .append(s.excluded != null ? s.excluded : s.lastFault());
                }
                throw GeneratorFault.transientFault("no ComfyUI server of backend " + backend + " answers (" + why + ")",
                        null);
            }
            usable.sort(Comparator.comparingInt((ComfyServer s) -> s.slots.availablePermits()).reversed());
            for (ComfyServer s : usable) {
                if (s.slots.tryAcquire()) {
                    return s;
                }
            }
            synchronized (freed) {
                freed.wait(100);
            }
        }
    }

    private void release(ComfyServer s) {
        s.slots.release();
        synchronized (freed) {
            freed.notifyAll();
        }
    }

    /** A rested server asked again: healthy when it answers with the pool's fingerprint. */
    private boolean recheck(ComfyServer s) throws InterruptedException {
        try {
            if (!s.verified) {
                String f = s.fingerprint(workflow);
                if (!f.equals(version)) {
                    s.excluded = "runs " + f + ", not the pool's " + version;
                    return false;
                }
                s.verified = true;
            } else {
                s.systemStats();
            }
            s.answered();
            return true;
        } catch (ComfyServer.MissingNodes e) {
            s.excluded = "lacks the node class " + e.getMessage();
            return false;
        } catch (IOException e) {
            s.failed(e.getMessage());
            return false;
        }
    }

    /** Uploads each bound file the take has; answers the names to bind. */
    private Map<String, String> upload(ComfyServer server, Conditioning c) throws GeneratorFault, InterruptedException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : Conditioning.FILES) {
            if (!workflow.bound().contains(key)) {
                continue;
            }
            Optional<Path> file = c.file(key);
            if (file.isEmpty()) {
                continue;
            }
            try {
                String hash = Sha256.hex(Files.readAllBytes(file.get())).substring(0, 16);
                String name = "slate-" + hash + "-" + Conditioning.fileName(key, file.get());
                names.put(key, server.upload(file.get(), name));
                server.answered();
            } catch (BadAnswer e) {
                if (e.status() >= 400 && e.status() < 500) {
                    throw GeneratorFault.permanent("ComfyUI refused the " + key + " file: " + e.getMessage(), null);
                }
                server.failed(e.getMessage());
                throw GeneratorFault.transientFault(e.getMessage(), null);
            } catch (IOException e) {
                server.failed(e.getMessage());
                throw GeneratorFault.transientFault("uploading the " + key + " file to " + server.url + " failed: "
                        + e.getMessage(), null);
            }
        }
        return names;
    }

    /** {@code POST /prompt}; answers the id the server chose (servers before 2025 ignore ours). */
    private String submit(ComfyServer server, ObjectNode graph, String key, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Reply r;
        try {
            r = server.submit(graph, clientId, UUID.randomUUID().toString(), key);
        } catch (Unreachable e) {
            server.failed(e.getMessage());
            if (e.ambiguous()) {
                Optional<String> id = reappear(server, key, cancellation);
                if (id.isPresent()) {
                    return id.get();
                }
            }
            throw GeneratorFault.transientFault("submitting to " + server.url + " failed: " + e.getMessage()
                    + (e.ambiguous() ? "; the retry looks for the prompt before submitting again" : ""), null);
        }
        if (r.status() == 400) {
            throw GeneratorFault.permanent(r.json().map(j -> ComfyErrors.refusal(j, workflow))
                    .orElse("ComfyUI at " + server.url + " refused the prompt: " + r.excerpt(300)), null);
        }
        String id = r.ok() ? r.json().map(j -> j.path("prompt_id").asText("")).orElse("") : "";
        if (id.isEmpty()) {
            // a 5xx from a proxy or a garbled answer: the prompt may be queued all the same
            server.failed("HTTP " + r.status());
            Optional<String> found = reappear(server, key, cancellation);
            if (found.isPresent()) {
                return found.get();
            }
            throw GeneratorFault.transientFault(server.url + " answered /prompt with HTTP " + r.status()
                    + (r.ok() ? " but no prompt_id" : "") + ": " + r.excerpt(200), null);
        }
        server.answered();
        return id;
    }

    /**
     * Polls until the prompt is finished. {@code /history/{id}} answers {@code {}} until then; a
     * prompt that is in neither {@code /queue} nor the history twice running is lost. A server that
     * keeps failing for longer than the grace is given up on.
     */
    private JsonNode follow(ComfyServer server, String promptId, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        int lost = 0;
        long failingSince = -1;
        String lastFault = "";
        while (true) {
            cancellation.check();
            try {
                Optional<JsonNode> h = server.history(promptId);
                if (h.isEmpty()) {
                    if (server.queued(promptId)) {
                        lost = 0;
                    } else {
                        h = server.history(promptId); // it may have finished between the two questions
                        if (h.isEmpty() && ++lost >= 2) {
                            throw GeneratorFault.transientFault("prompt " + promptId + " vanished from the queue of "
                                    + server.url + " without finishing (the server restarted or its queue was cleared);"
                                    + " it will be submitted again", null);
                        }
                    }
                }
                failingSince = -1;
                server.answered();
                if (h.isPresent()) {
                    return finished(server, promptId, h.get());
                }
            } catch (IOException e) {
                lastFault = e.getMessage();
                server.failed(lastFault);
                long now = System.nanoTime();
                if (failingSince < 0) {
                    failingSince = now;
                } else if (now - failingSince > grace.toNanos()) {
                    throw GeneratorFault.transientFault("ComfyUI at " + server.url + " stopped answering while prompt "
                            + promptId + " rendered (" + lastFault + ")", null);
                }
            }
            TimeUnit.MILLISECONDS.sleep(pollInterval.toMillis());
        }
    }

    private JsonNode finished(ComfyServer server, String promptId, JsonNode entry) throws GeneratorFault {
        JsonNode status = entry.path("status");
        if (status.path("status_str").asText("").equals("error")) {
            if (ComfyErrors.interrupted(status) && !ComfyErrors.executionError(status).contains("failed at node")) {
                throw GeneratorFault.transientFault("prompt " + promptId + " was interrupted on " + server.url, null);
            }
            throw GeneratorFault.permanent(ComfyErrors.executionError(status), null);
        }
        return entry;
    }

    /** One output file of a finished prompt. */
    record Output(String node, String kind, String filename, String subfolder, String type) {
        boolean video() {
            return !kind.equals("images") || Normalise.VIDEOS.contains(Normalise.ending(Path.of(filename)))
                    && !Normalise.ending(Path.of(filename)).equals("gif") && !Normalise.ending(Path.of(filename)).equals("webp");
        }
    }

    /** The outputs in node order (numeric ids by number); saved outputs before previews. */
    static List<Output> outputs(JsonNode entry) {
        List<Map.Entry<String, JsonNode>> nodes = new ArrayList<>();
        nodes.addAll(entry.path("outputs").properties());
        nodes.sort(Comparator.comparing((Map.Entry<String, JsonNode> e) -> numeric(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        List<Output> saved = new ArrayList<>();
        List<Output> temp = new ArrayList<>();
        for (var n : nodes) {
            for (String kind : List.of("images", "gifs", "videos")) {
                for (JsonNode f : n.getValue().path(kind)) {
                    String name = f.path("filename").asText("");
                    if (name.isEmpty()) {
                        continue;
                    }
                    Output o = new Output(n.getKey(), kind, name, f.path("subfolder").asText(""),
                            f.path("type").asText("output"));
                    (o.type().equals("temp") ? temp : saved).add(o);
                }
            }
        }
        return saved.isEmpty() ? temp : saved;
    }

    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private Footage download(ComfyServer server, String promptId, JsonNode entry, Path dir)
            throws GeneratorFault, InterruptedException {
        List<Output> outs = outputs(entry);
        if (outs.isEmpty()) {
            throw GeneratorFault.permanent("prompt " + promptId + " on " + server.url + " finished without images or"
                    + " videos; the workflow needs a SaveImage (or video combine) node", null);
        }
        List<Output> videos = outs.stream().filter(o -> !o.kind().equals("images")).toList();
        List<Output> chosen = videos.isEmpty() ? outs : videos.subList(0, 1);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (Output o : chosen) {
                Path to = dir.resolve(String.format(java.util.Locale.ROOT, "%06d.%s", i++,
                        Normalise.ending(Path.of(o.filename()))));
                server.view(o.filename(), o.subfolder(), o.type(), to);
                files.add(to);
            }
            server.answered();
        } catch (BadAnswer e) {
            throw GeneratorFault.transientFault("prompt " + promptId + " lists outputs that " + server.url
                    + " does not serve: " + e.getMessage(), null);
        } catch (IOException e) {
            server.failed(e.getMessage());
            throw GeneratorFault.transientFault("downloading the outputs of prompt " + promptId + " from " + server.url
                    + " failed: " + e.getMessage(), null);
        }
        return videos.isEmpty() ? new Footage.Stills(files, OptionalDouble.empty()) : new Footage.Clip(files.get(0));
    }

    /** Registered for {@code type: comfyui}. */
    public static final class Provider implements GeneratorProvider {
        @Override
        public String type() {
            return "comfyui";
        }

        @Override
        public Generator open(BackendConfig backend, Path productionRoot) throws GeneratorFault {
            Settings s = new Settings(backend);
            Path wf = productionRoot.resolve(s.text("workflow").orElseThrow(() -> GeneratorFault.permanent(
                    "backend " + backend.name() + " names no workflow; run slate check", null)));
            ComfyWorkflow workflow = ComfyWorkflow.read(wf, s.get("bind"));
            Http http = new Http(s.seconds("request_timeout", 30));
            List<ComfyServer> servers = pool(s, http);
            Duration poll = s.seconds("poll_interval", 1);
            Duration grace = s.seconds("unreachable_grace", Math.max(60, 3 * s.number("request_timeout", 30)));
            String version = null;
            List<String> faults = new ArrayList<>();
            try {
                for (ComfyServer server : servers) {
                    try {
                        String f = server.fingerprint(workflow);
                        server.answered();
                        if (version == null) {
                            version = f;
                            server.verified = true;
                        } else if (f.equals(version)) {
                            server.verified = true;
                        } else {
                            server.excluded = "runs " + f + ", not the pool's " + version;
                        }
                    } catch (ComfyServer.MissingNodes e) {
                        server.excluded = "lacks the node class " + e.getMessage();
                        faults.add(server.url + " lacks the node class " + e.getMessage()
                                + " that the workflow uses; install that custom node there");
                    } catch (IOException e) {
                        server.failed(e.getMessage());
                        faults.add(server.url + ": " + e.getMessage());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GeneratorFault.permanent("interrupted while asking ComfyUI for its version", e);
            }
            if (version == null) {
                throw GeneratorFault.permanent("no ComfyUI server answers with its version (" + String.join("; ", faults)
                        + "); start ComfyUI or fix url in slate.yaml", null);
            }
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            return new ComfyGenerator(backend.name(), workflow, servers, version, poll, grace, http.timeout(), ffmpeg);
        }

        /** {@code url: X}, or {@code urls:} of strings or {@code {url, concurrency}} (1 render each by default). */
        static List<ComfyServer> pool(Settings s, Http http) throws GeneratorFault {
            List<ComfyServer> out = new ArrayList<>();
            s.text("url").ifPresent(u -> out.add(new ComfyServer(u, 1, http)));
            for (Iterator<JsonNode> it = s.get("urls").elements(); it.hasNext();) {
                JsonNode u = it.next();
                if (u.isTextual()) {
                    out.add(new ComfyServer(u.asText(), 1, http));
                } else {
                    out.add(new ComfyServer(u.path("url").asText(), Math.max(1, u.path("concurrency").asInt(1)), http));
                }
            }
            if (out.isEmpty()) {
                throw GeneratorFault.permanent("backend " + s.backendName() + " names no ComfyUI url; run slate check", null);
            }
            for (ComfyServer c : out) {
                if (!c.url.startsWith("http://") && !c.url.startsWith("https://")) {
                    throw GeneratorFault.permanent("backend " + s.backendName() + " url '" + c.url
                            + "' is not an http:// or https:// address", null);
                }
            }
            return out;
        }
    }
}
