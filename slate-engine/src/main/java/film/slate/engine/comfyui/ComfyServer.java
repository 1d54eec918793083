package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.CanonicalJson;
import film.slate.core.recipe.Sha256;
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.BadAnswer;
import film.slate.engine.remote.Http;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.Reply;
import film.slate.engine.remote.Unreachable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * One ComfyUI server of a pool: its HTTP protocol, its share of the pool's concurrency, and its
 * health (a server that fails is rested for a while, then asked {@code /system_stats} again).
 */
final class ComfyServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The subfolder of the server's input folder that Slate uploads into. */
    private static final String SUBFOLDER = "slate";
    private static final long REST_MS_MAX = 30_000;
    private static final Duration SOCKET_RETRY = Duration.ofSeconds(5);
    /** Prompts of one key looked up by id before Slate gives up choosing ids for it. */
    private static final int MAX_ATTEMPTS = 32;

    final String url;
    private final URI base;
    private final Http http;
    final int capacity;
    final Semaphore slots;
    private final BackendTime time;
    private volatile Instant restUntil = Instant.MIN;
    private volatile int failures;
    private volatile String lastFault = "";
    /** Why this server is left out of the pool for good (another version, missing nodes), or null. */
    volatile String excluded;
    /** Whether its fingerprint has been checked against the pool's. */
    volatile boolean verified;

    private final String clientId;
    private final boolean websocket;
    private volatile ComfySocket socket;
    private volatile Instant socketTried = Instant.MIN;
    /** Whether the server keeps the prompt ids Slate chooses (ComfyUI since 2025); learnt from its answers. */
    private volatile boolean keepsIds = true;
    /** Files uploaded while the backend is open, by their name (which holds their content hash): name to the server's. */
    private final java.util.Map<String, String> uploaded = new java.util.HashMap<>();

    ComfyServer(String url, int capacity, Http http, BackendTime time, String clientId, boolean websocket) {
        this.time = time;
        this.clientId = clientId;
        this.websocket = websocket;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(this.url + "/");
        this.http = http;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity, true);
    }

    // ---- health ----

    boolean resting() {
        return time.now().isBefore(restUntil);
    }

    /** How long this server still rests. */
    Duration restLeft() {
        Duration d = Duration.between(time.now(), restUntil.equals(Instant.MIN) ? time.now() : restUntil);
        return d.isNegative() ? Duration.ZERO : d;
    }

    void failed(String why) {
        int n = ++failures;
        lastFault = why;
        restUntil = time.now().plusMillis(Math.min(REST_MS_MAX, 250L << Math.min(7, n - 1)));
    }

    void answered() {
        failures = 0;
        restUntil = Instant.MIN;
    }

    /**
     * Waits until the server's websocket says the prompt ended, or {@code most} has passed; without
     * an open socket (reopened at most every few seconds) simply lets {@code most} pass.
     */
    void awaitEnd(String promptId, Duration most) throws InterruptedException {
        ComfySocket s = socket();
        if (s != null && s.isOpen()) {
            s.awaitEnd(promptId, most);
        } else {
            time.sleep(most);
        }
    }

    /** The websocket, opened (again) when it is closed and was last tried a while ago. */
    ComfySocket socket() throws InterruptedException {
        ComfySocket s = socket;
        if (websocket && (s == null || !s.isOpen()) && time.passed(socketTried, SOCKET_RETRY)) {
            synchronized (this) {
                if (socket == null || !socket.isOpen()) {
                    socketTried = time.now();
                    socket = ComfySocket.connect(http, base, clientId);
                }
                s = socket;
            }
        }
        return s;
    }

    /**
     * The id of a key's {@code n}th prompt: Slate chooses it, so that a take is found by
     * {@code /history/{id}}; a prompt that ended in an error keeps its entry, and the next gets {@code n + 1}.
     */
    static String promptId(String key, int n) {
        return UUID.nameUUIDFromBytes((key + "#" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The first of a key's prompt ids that this server's history does not hold. */
    private String freeId(String key) throws IOException, InterruptedException {
        for (int n = 0; n < MAX_ATTEMPTS; n++) {
            if (history(promptId(key, n)).isEmpty()) {
                return promptId(key, n);
            }
        }
        return UUID.randomUUID().toString();
    }

    String lastFault() {
        return lastFault;
    }

    // ---- protocol ----

    /** {@code GET /system_stats}: the server's version fields. */
    JsonNode systemStats() throws IOException, InterruptedException {
        return json(get("system_stats"), "system_stats");
    }

    /** {@code GET /object_info}: every node class the server knows. */
    JsonNode objectInfo() throws IOException, InterruptedException {
        return json(get("object_info"), "object_info");
    }

    /**
     * What identifies this server's behaviour for a workflow: its ComfyUI and PyTorch versions and a
     * hash of {@code /object_info} for the classes the workflow uses.
     *
     * @throws MissingNodes when the server lacks a class the workflow uses
     */
    String fingerprint(ComfyWorkflow workflow) throws IOException, InterruptedException, MissingNodes {
        JsonNode system = systemStats().path("system");
        String version = system.path("comfyui_version").asText("unknown");
        String torch = system.path("pytorch_version").asText("");
        JsonNode info = objectInfo();
        ObjectNode used = JSON.createObjectNode();
        for (String cls : workflow.classes()) {
            if (!info.has(cls)) {
                throw new MissingNodes(cls);
            }
            used.set(cls, info.get(cls));
        }
        String nodes = Sha256.hex(CanonicalJson.bytes(used)).substring(0, 12);
        return "comfyui " + version + (torch.isEmpty() ? "" : " torch " + torch) + " workflow "
                + workflow.hash().substring(0, 12) + " nodes " + nodes;
    }

    /** A class the workflow uses that the server lacks. */
    static final class MissingNodes extends Exception {
        private static final long serialVersionUID = 1L;

        MissingNodes(String cls) {
            super(cls);
        }
    }

    /**
     * {@code POST /upload/image} (multipart: {@code image}, {@code overwrite}, {@code type},
     * {@code subfolder}); answers the name to bind, with its subfolder.
     */
    String upload(Path file, String name) throws IOException, InterruptedException {
        synchronized (uploaded) { // one upload per content: takes that bind the same file share it
            String known = uploaded.get(name);
            if (known == null) {
                known = holds(name) ? SUBFOLDER + "/" + name : send(file, name);
                uploaded.put(name, known);
            }
            return known;
        }
    }

    /**
     * Whether the server's input folder already holds {@code name} ({@code HEAD /view}): a file
     * named by its content that an earlier build uploaded is not sent again.
     */
    private boolean holds(String name) throws InterruptedException {
        URI view = base.resolve("view?filename=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&subfolder=" + SUBFOLDER + "&type=input");
        try {
            return http.send(Http.request(view).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).status() == 200;
        } catch (film.slate.engine.remote.Unreachable e) {
            return false; // the upload that follows says what is wrong
        }
    }

    private String send(Path file, String name) throws IOException, InterruptedException {
        String boundary = "slate-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "overwrite", "true");
        field(body, boundary, "type", "input");
        field(body, boundary, "subfolder", SUBFOLDER);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                + "\"\r\nContent-Type: " + contentType(name) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Reply r = http.send(Http.request(base.resolve("upload/image"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        if (!r.ok()) {
            throw status(r, "upload/image");
        }
        JsonNode a = json(r, "upload/image");
        String got = a.path("name").asText("");
        if (got.isEmpty()) {
            throw new BadAnswer(url + " answered /upload/image without a name: " + r.excerpt(Redactor.none(), 200), 0);
        }
        String sub = a.path("subfolder").asText("");
        return sub.isEmpty() ? got : sub + "/" + got;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".mkv")) {
            return "video/x-matroska";
        }
        if (n.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (n.endsWith(".mov")) { // previz's mask and pose videos
            return "video/quicktime";
        }
        return "application/octet-stream";
    }

    /** {@code POST /prompt}: the raw reply, for the caller to read (200: the id; 400: the refusal). */
    Reply submit(ObjectNode graph, String key) throws IOException, InterruptedException {
        String promptId = keepsIds ? freeId(key) : UUID.randomUUID().toString();
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", graph);
        body.put("client_id", clientId);
        body.put("prompt_id", promptId);
        body.putObject("extra_data").put(ComfyGenerator.KEY_FIELD, key);
        Reply r = http.send(Http.request(base.resolve("prompt")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        if (r.ok() && r.json().map(j -> !j.path("prompt_id").asText(promptId).equals(promptId)).orElse(false)) {
            keepsIds = false; // a server before 2025: only its whole history can say what it finished
        }
        return r;
    }

    /** Where a prompt with a key stands on this server. */
    record Found(String promptId, Optional<JsonNode> finished) {
    }

    /**
     * Looks for a prompt that carries {@code key}: in {@code GET /queue} (running or pending: to be
     * followed), then in {@code GET /history/{id}} of the key's prompt id (finished), or the whole
     * {@code /history} of a server that chose its own ids. A prompt that finished with an error does
     * not count: it may be submitted again.
     */
    Optional<Found> find(String key) throws IOException, InterruptedException {
        JsonNode q = json(get("queue"), "queue");
        for (String list : new String[] {"queue_running", "queue_pending"}) {
            for (JsonNode item : q.path(list)) {
                if (key.equals(item.path(3).path(ComfyGenerator.KEY_FIELD).asText(null))) {
                    return Optional.of(new Found(item.path(1).asText(), Optional.empty()));
                }
            }
        }
        for (int n = 0; keepsIds && n < MAX_ATTEMPTS; n++) {
            String id = promptId(key, n);
            Optional<JsonNode> e = history(id);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            if (!e.get().path("status").path("status_str").asText("").equals("error")) {
                return Optional.of(new Found(id, e));
            }
        }
        JsonNode h = json(get("history"), "history");
        Found best = null;
        for (Map.Entry<String, JsonNode> e : h.properties()) {
            JsonNode entry = e.getValue();
            if (key.equals(entry.path("prompt").path(3).path(ComfyGenerator.KEY_FIELD).asText(null))
                    && !entry.path("status").path("status_str").asText("").equals("error")) {
                best = new Found(e.getKey(), Optional.of(entry));
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code GET /history/{id}}: the finished entry, or empty while it is not finished (the server answers {}). */
    Optional<JsonNode> history(String promptId) throws IOException, InterruptedException {
        JsonNode h = json(get("history/" + URLEncoder.encode(promptId, StandardCharsets.UTF_8)), "history");
        JsonNode entry = h.path(promptId);
        return entry.isObject() ? Optional.of(entry) : Optional.empty();
    }

    /** Whether {@code GET /queue} lists the prompt as running or pending. */
    boolean queued(String promptId) throws IOException, InterruptedException {
        JsonNode q = json(get("queue"), "queue");
        if (!q.has("queue_running") && !q.has("queue_pending")) {
            throw new BadAnswer(url + " answered /queue without queue_running or queue_pending", 0);
        }
        for (String list : new String[] {"queue_running", "queue_pending"}) {
            for (JsonNode item : q.path(list)) {
                if (promptId.equals(item.path(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code GET /view?filename=&subfolder=&type=} into {@code to}. */
    void view(String filename, String subfolder, String type, Path to) throws IOException, InterruptedException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("filename", filename);
        q.put("subfolder", subfolder);
        q.put("type", type);
        StringBuilder s = new StringBuilder("view?");
        q.forEach((k, v) -> s.append(s.length() > 5 ? "&" : "").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Reply r = http.send(Http.request(base.resolve(s.toString())).GET().build(), http.timeout().multipliedBy(4));
        if (!r.ok()) {
            throw status(r, "view of " + filename);
        }
        Files.write(to, r.body());
    }

    Reply get(String path) throws Unreachable, InterruptedException {
        return http.send(Http.request(base.resolve(path)).GET().build());
    }

    private JsonNode json(Reply r, String what) throws BadAnswer {
        if (!r.ok()) {
            throw status(r, what);
        }
        return r.json().filter(JsonNode::isContainerNode).orElseThrow(() -> new BadAnswer(url + " answered /" + what
                + " with something that is not JSON: " + r.excerpt(Redactor.none(), 120), 0));
    }

    private BadAnswer status(Reply r, String what) {
        return new BadAnswer(url + " answered /" + what + " with HTTP " + r.status() + ": " + r.excerpt(Redactor.none(), 200), r.status());
    }

    /** Names of the prompt's output files, in node order: images as frames, gifs and videos as clips. */
    static Set<String> outputKinds() {
        return Set.of("images", "gifs", "videos");
    }
}
