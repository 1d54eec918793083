package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A ComfyUI server for tests, speaking its HTTP protocol with the shapes of the real one: it
 * validates prompts against its node classes, queues them, "executes" one at a time (SaveImage
 * nodes write PNG frames, VHS_VideoCombine an animated clip is not modelled), keeps a history, and
 * serves files with /view. Faults are scheduled per route; it can be stopped (refused
 * connections) and restarted with its memory wiped, like a real restart.
 */
public final class FakeComfy implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to do instead of (or around) answering a request. */
    enum Fault { HTTP_500, HTTP_503, MALFORMED, STALL, SLOW, ACCEPT_THEN_STALL, ACCEPT_THEN_500, DROP }

    final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    /** POST /prompt bodies accepted, by Slate key. */
    final Map<String, AtomicInteger> submissions = new ConcurrentHashMap<>();
    /** Keys submitted while a live (queued, running or successfully finished) prompt held them. */
    public final List<String> duplicates = new CopyOnWriteArrayList<>();
    final List<String> uploads = new CopyOnWriteArrayList<>();
    /** The Content-Type of each uploaded file's part, by the file's name. */
    final Map<String, String> uploadTypes = new ConcurrentHashMap<>();
    /** Every prompt accepted, as submitted (the graph and extra_data). */
    final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();

    volatile String version = "0.3.40";
    volatile boolean honourPromptId = true;
    volatile long renderMs = 30;
    volatile long stallMs = 3000;
    /** Drop the next prompt that starts running, without a history entry. */
    volatile boolean vanishNext;
    /** Finish the next prompt with an execution error. */
    volatile boolean failNextExecution;
    /** Finish prompts without outputs. */
    volatile boolean noOutputs;
    /** /view answers 404. */
    volatile boolean viewMissing;
    /** Answer 400 to prompts whose CheckpointLoaderSimple names this checkpoint; node_errors as a list when set. */
    volatile String badCheckpoint = "missing.safetensors";
    volatile boolean nodeErrorsAsList;
    /** Extra text in the object_info of KSampler (a changed node). */
    volatile String samplerInfo = "";

    /** Requests for the whole /history (a cost on a server with many items). */
    public final AtomicInteger wholeHistory = new AtomicInteger();
    /** Websockets opened, by clientId. */
    final List<String> socketsOpened = new CopyOnWriteArrayList<>();
    /** When each prompt's last executed message was sent (System.nanoTime), by prompt id: for the benchmark. */
    final Map<String, Long> executedAt = new ConcurrentHashMap<>();
    /** When set, {@code /ws} is refused like an old server or a proxy without websockets. */
    volatile boolean noWebSocket;

    private final int port;
    private WebSocketFront front;
    private HttpServer server;
    private ExecutorService pool;
    private final Object lock = new Object();
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private ObjectNode running;
    private final Map<String, ObjectNode> history = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private int number;
    private Thread executor;

    public FakeComfy() throws IOException {
        start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
        front = new WebSocketFront(0, server.getAddress().getPort(), this::greet, () -> noWebSocket);
        this.port = front.port();
    }

    /** What ComfyUI sends a new websocket first: the queue's state and the client's id. */
    private void greet(String clientId) {
        socketsOpened.add(clientId);
        int queued;
        synchronized (lock) {
            queued = pending.size() + (running == null ? 0 : 1);
        }
        ObjectNode m = JSON.createObjectNode().put("type", "status");
        m.putObject("data").put("sid", clientId).putObject("status").putObject("exec_info").put("queue_remaining", queued);
        front.send(clientId, m.toString());
    }

    /** Sends a message to the client that submitted {@code item}, as ComfyUI's send_sync(event, data, sid) does. */
    private void tell(ObjectNode item, String type, ObjectNode data) {
        ObjectNode m = JSON.createObjectNode().put("type", type);
        m.set("data", data.put("prompt_id", item.path("id").asText()));
        front.send(item.path("extra_data").path("client_id").asText(), m.toString());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    void fault(String route, Fault f, int times) {
        Deque<Fault> q = faults.computeIfAbsent(route, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(f);
            }
        }
    }

    private Fault nextFault(String route) {
        Deque<Fault> q = faults.get(route);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    public int submissionsTotal() {
        return submissions.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void start(HttpServer s) {
        server = s;
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-comfy-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        executor = new Thread(this::execute, "fake-comfy-exec");
        executor.setDaemon(true);
        executor.start();
    }

    /** Stops answering: connections are refused until {@link #restart}. */
    void stop() {
        front.close();
        server.stop(0);
        pool.shutdownNow();
        executor.interrupt();
        try {
            executor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts again on the same port with an empty queue and history (ComfyUI keeps both in memory). */
    void restart() throws IOException {
        synchronized (lock) {
            pending.clear();
            running = null;
            history.clear();
        }
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                if (server == null || executor == null || !executor.isAlive()) {
                    start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
                }
                front = new WebSocketFront(port, server.getAddress().getPort(), this::greet, () -> noWebSocket);
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    @Override
    public void close() {
        stop();
    }

    // ---- execution ----

    private void execute() {
        while (!Thread.currentThread().isInterrupted()) {
            ObjectNode item;
            synchronized (lock) {
                item = pending.poll();
                running = item;
            }
            try {
                if (item == null) {
                    Thread.sleep(5);
                    continue;
                }
                tell(item, "execution_start", JSON.createObjectNode().put("timestamp", System.currentTimeMillis()));
                tell(item, "execution_cached", (ObjectNode) JSON.createObjectNode().put("timestamp",
                        System.currentTimeMillis()).set("nodes", JSON.createArrayNode()));
                for (var n : item.path("prompt").properties()) {
                    tell(item, "executing", JSON.createObjectNode().put("node", n.getKey()).put("display_node", n.getKey()));
                }
                Thread.sleep(renderMs);
            } catch (InterruptedException e) {
                return;
            }
            ObjectNode entry = finish(item);
            synchronized (lock) {
                if (running == item) {
                    running = null;
                    if (entry != null) {
                        history.put(item.path("id").asText(), entry);
                    }
                }
            }
            if (entry != null) {
                announce(item, entry);
            }
        }
    }

    /** The messages of a prompt's end: executed per output node, then success or error, then executing null. */
    private void announce(ObjectNode item, ObjectNode entry) {
        boolean ok = entry.path("status").path("status_str").asText().equals("success");
        if (ok) {
            for (var n : entry.path("outputs").properties()) {
                ObjectNode d = JSON.createObjectNode().put("node", n.getKey()).put("display_node", n.getKey());
                d.set("output", n.getValue());
                tell(item, "executed", d);
            }
            executedAt.put(item.path("id").asText(), System.nanoTime());
            tell(item, "execution_success", JSON.createObjectNode().put("timestamp", System.currentTimeMillis()));
        } else {
            tell(item, "execution_error", JSON.createObjectNode().put("node_id", "3").put("node_type", "KSampler")
                    .put("exception_message", "CUDA out of memory. Tried to allocate 2 GiB"));
        }
        tell(item, "executing", JSON.createObjectNode().putNull("node").putNull("display_node"));
    }

    private ObjectNode finish(ObjectNode item) {
        if (vanishNext) {
            vanishNext = false;
            return null;
        }
        String id = item.path("id").asText();
        ObjectNode entry = JSON.createObjectNode();
        entry.set("prompt", tuple(item));
        ObjectNode outputs = entry.putObject("outputs");
        ObjectNode status = entry.putObject("status");
        ArrayNode messages = status.putArray("messages");
        messages.addArray().add("execution_start").addObject().put("prompt_id", id).put("timestamp", 1);
        if (failNextExecution) {
            failNextExecution = false;
            status.put("status_str", "error").put("completed", false);
            messages.addArray().add("execution_error").addObject().put("prompt_id", id).put("node_id", "3")
                    .put("node_type", "KSampler").put("exception_message", "CUDA out of memory. Tried to allocate 2 GiB")
                    .put("exception_type", "torch.OutOfMemoryError").putArray("traceback");
            entry.putObject("meta");
            return entry;
        }
        JsonNode graph = item.path("prompt");
        int w = 64;
        int h = 36;
        int batch = 1;
        for (var n : graph.properties()) {
            if (n.getValue().path("class_type").asText().equals("EmptyLatentImage")) {
                w = n.getValue().path("inputs").path("width").asInt(64);
                h = n.getValue().path("inputs").path("height").asInt(36);
                batch = n.getValue().path("inputs").path("batch_size").asInt(1);
            }
        }
        // A graph of core image nodes is executed for real on the uploaded files.
        var saved = noOutputs ? Optional.<Map<String, List<byte[]>>>empty() : CoreNodes.run(graph, name -> files.get("input/" + name));
        saved.ifPresent(s -> s.forEach((node, pngs) -> {
            ArrayNode images = outputs.putObject(node).putArray("images");
            for (int i = 0; i < pngs.size(); i++) {
                String name = "ComfyUI_" + id.substring(0, 8) + "_" + node + String.format("_%05d_.png", i + 1);
                files.put("output/" + name, pngs.get(i));
                images.addObject().put("filename", name).put("subfolder", "").put("type", "output");
            }
        }));
        for (var n : graph.properties()) {
            if (noOutputs || saved.isPresent() || !n.getValue().path("class_type").asText().equals("SaveImage")) {
                continue;
            }
            ArrayNode images = outputs.putObject(n.getKey()).putArray("images");
            for (int i = 0; i < batch; i++) {
                String name = "ComfyUI_" + id.substring(0, 8) + String.format("_%05d_.png", i + 1);
                files.put("output/" + name, png(w + 16, h, i));
                images.addObject().put("filename", name).put("subfolder", "").put("type", "output");
            }
        }
        status.put("status_str", "success").put("completed", true);
        messages.addArray().add("execution_success").addObject().put("prompt_id", id).put("timestamp", 2);
        entry.putObject("meta");
        return entry;
    }

    private static ArrayNode tuple(ObjectNode item) {
        ArrayNode t = JSON.createArrayNode();
        t.add(item.path("number").asInt()).add(item.path("id").asText()).add(item.path("prompt"))
                .add(item.path("extra_data")).add(item.path("outputs"));
        return t;
    }

    private static byte[] png(int w, int h, int i) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(20 * i % 255, 100, 200));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    // ---- HTTP ----

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        String path = x.getRequestURI().getPath();
        if (path.equals("/history")) {
            wholeHistory.incrementAndGet();
        }
        String route = x.getRequestMethod() + " " + (path.startsWith("/history/") ? "/history/" : path);
        Fault f = nextFault(route);
        try {
            if (f != null) {
                switch (f) {
                    case HTTP_500 -> {
                        send(x, 500, "500 Internal Server Error: Server got itself in trouble");
                        return;
                    }
                    case HTTP_503 -> {
                        send(x, 503, "Service Unavailable");
                        return;
                    }
                    case STALL -> {
                        // headers promise more than ever comes: the client sees a stall, then a short body
                        x.sendResponseHeaders(200, 4096);
                        x.getResponseBody().write("{\"queue_".getBytes(StandardCharsets.UTF_8));
                        x.getResponseBody().flush();
                        Thread.sleep(stallMs);
                        x.close();
                        return;
                    }
                    case SLOW -> Thread.sleep(stallMs / 6);
                    case DROP -> {
                        x.close();
                        return;
                    }
                    default -> {
                    }
                }
            }
            String body = route(x, path, f);
            if (body == null) {
                return;
            }
            if (f == Fault.MALFORMED) {
                body = body.substring(0, Math.max(1, body.length() / 2));
            }
            if (f == Fault.ACCEPT_THEN_STALL) {
                Thread.sleep(stallMs);
                x.close();
                return;
            }
            if (f == Fault.ACCEPT_THEN_500) {
                send(x, 500, "upstream connect error");
                return;
            }
            send(x, 200, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.close();
        } catch (IOException e) {
            x.close(); // a short body: the exchange is broken on purpose
        } catch (RuntimeException e) {
            send(x, 500, e.toString());
        }
    }

    private String route(HttpExchange x, String path, Fault f) throws IOException {
        String m = x.getRequestMethod();
        if (m.equals("GET") && path.equals("/system_stats")) {
            ObjectNode o = JSON.createObjectNode();
            o.putObject("system").put("os", "posix").put("ram_total", 1L << 35).put("ram_free", 1L << 34)
                    .put("comfyui_version", version).put("python_version", "3.12.3").put("pytorch_version", "2.6.0+cu124")
                    .put("embedded_python", false).putArray("argv").add("main.py");
            o.putArray("devices").addObject().put("name", "cuda:0 NVIDIA L4").put("type", "cuda").put("index", 0)
                    .put("vram_total", 1L << 34).put("vram_free", 1L << 33);
            return o.toString();
        }
        if (m.equals("GET") && path.equals("/object_info")) {
            ObjectNode o = JSON.createObjectNode();
            for (String cls : List.of("CheckpointLoaderSimple", "CLIPTextEncode", "EmptyLatentImage", "KSampler",
                    "VAEDecode", "SaveImage", "LoadImage", "ControlNetLoader", "ControlNetApply", "PreviewImage",
                    "LoadImageMask", "MaskToImage", "ImageBatch")) {
                ObjectNode c = o.putObject(cls);
                c.putObject("input").putObject("required");
                c.putArray("output");
                c.put("name", cls).put("display_name", cls).put("category", "test")
                        .put("description", cls.equals("KSampler") ? samplerInfo : "");
            }
            return o.toString();
        }
        if (m.equals("POST") && path.equals("/upload/image")) {
            byte[] all = x.getRequestBody().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int at = text.indexOf("filename=\"");
            if (at < 0 || !text.contains("name=\"image\"")) {
                send(x, 400, "");
                return null;
            }
            String name = text.substring(at + 10, text.indexOf('"', at + 10));
            String sub = field(text, "subfolder");
            uploads.add(name);
            uploadTypes.put(name, partType(text, at));
            files.put("input/" + (sub.isEmpty() ? "" : sub + "/") + name, filePart(all, at));
            ObjectNode o = JSON.createObjectNode().put("name", name).put("subfolder", sub).put("type", "input");
            return o.toString();
        }
        if (m.equals("POST") && path.equals("/prompt")) {
            JsonNode body = JSON.readTree(x.getRequestBody());
            if (!body.path("prompt").isObject()) {
                send(x, 400, "{\"error\": {\"type\": \"no_prompt\", \"message\": \"No prompt provided\", \"details\":"
                        + " \"No prompt provided\", \"extra_info\": {}}, \"node_errors\": {}}");
                return null;
            }
            String refusal = validate((ObjectNode) body.path("prompt"));
            if (refusal != null) {
                send(x, 400, refusal);
                return null;
            }
            String key = body.path("extra_data").path("slate").asText("");
            String id = honourPromptId && body.path("prompt_id").isTextual() ? body.path("prompt_id").asText()
                    : UUID.randomUUID().toString();
            ObjectNode item = JSON.createObjectNode();
            synchronized (lock) {
                if (live(key)) {
                    duplicates.add(key);
                }
                submissions.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                item.put("number", number++).put("id", id);
                item.set("prompt", body.path("prompt"));
                ObjectNode extra = ((ObjectNode) body.path("extra_data")).deepCopy();
                extra.put("client_id", body.path("client_id").asText());
                item.set("extra_data", extra);
                item.putArray("outputs").add("9");
                accepted.add(body.deepCopy());
                pending.add(item);
            }
            return "{\"prompt_id\": \"" + id + "\", \"number\": " + item.path("number").asInt()
                    + ", \"node_errors\": {}}";
        }
        if (m.equals("GET") && path.equals("/queue")) {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode run = o.putArray("queue_running");
            ArrayNode pend = o.putArray("queue_pending");
            synchronized (lock) {
                if (running != null) {
                    run.add(tuple(running));
                }
                pending.forEach(i -> pend.add(tuple(i)));
            }
            return o.toString();
        }
        if (m.equals("GET") && path.equals("/history")) {
            ObjectNode o = JSON.createObjectNode();
            synchronized (lock) {
                history.forEach(o::set);
            }
            return o.toString();
        }
        if (m.equals("GET") && path.startsWith("/history/")) {
            String id = path.substring("/history/".length());
            ObjectNode o = JSON.createObjectNode();
            synchronized (lock) {
                if (history.containsKey(id)) {
                    o.set(id, history.get(id));
                }
            }
            return o.toString();
        }
        if ((m.equals("GET") || m.equals("HEAD")) && path.equals("/view")) { // aiohttp answers HEAD on every GET route
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            String type = q.getOrDefault("type", "output");
            String sub = q.getOrDefault("subfolder", "");
            byte[] data = files.get(type + "/" + (sub.isEmpty() ? "" : sub + "/") + q.get("filename"));
            if (data == null || viewMissing) {
                send(x, 404, "404: Not Found");
                return null;
            }
            x.getResponseHeaders().add("Content-Type", "image/png");
            if (m.equals("HEAD")) {
                x.sendResponseHeaders(200, -1);
                x.close();
                return null;
            }
            x.sendResponseHeaders(200, data.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(data);
            }
            return null;
        }
        send(x, 404, "404: Not Found");
        return null;
    }

    /** Whether a prompt with this key is queued, running or finished well. */
    private boolean live(String key) {
        if (key.isEmpty()) {
            return false;
        }
        if (running != null && running.path("extra_data").path("slate").asText().equals(key)) {
            return true;
        }
        for (ObjectNode p : pending) {
            if (p.path("extra_data").path("slate").asText().equals(key)) {
                return true;
            }
        }
        for (ObjectNode h : history.values()) {
            if (h.path("prompt").path(3).path("slate").asText().equals(key)
                    && h.path("status").path("status_str").asText().equals("success")) {
                return true;
            }
        }
        return false;
    }

    private String validate(ObjectNode prompt) {
        ObjectNode nodeErrors = JSON.createObjectNode();
        for (var n : prompt.properties()) {
            String cls = n.getValue().path("class_type").asText();
            String image = n.getValue().path("inputs").path("image").asText("");
            if (cls.equals("LoadImage") && !image.equals("example.png")
                    && !files.containsKey("input/" + (image.contains("/") ? image : "/" + image))) {
                // as LoadImage's VALIDATE_INPUTS answers for a file the input folder lacks
                ObjectNode ne = nodeErrors.putObject(n.getKey());
                ne.putArray("errors").addObject().put("type", "custom_validation_failed")
                        .put("message", "Custom validation failed for node").put("details", "image - Invalid image file: "
                                + image).putObject("extra_info").put("input_name", "image");
                ne.putArray("dependent_outputs").add("9");
                ne.put("class_type", cls);
            }
            if (cls.equals("CheckpointLoaderSimple")
                    && n.getValue().path("inputs").path("ckpt_name").asText().equals(badCheckpoint)) {
                ObjectNode ne = nodeErrors.putObject(n.getKey());
                ne.putArray("errors").addObject().put("type", "value_not_in_list").put("message", "Value not in list")
                        .put("details", "ckpt_name: '" + badCheckpoint + "' not in ['sd_xl_base_1.0.safetensors']")
                        .putObject("extra_info").put("input_name", "ckpt_name").set("received_value",
                                JSON.getNodeFactory().textNode(badCheckpoint));
                ne.putArray("dependent_outputs").add("9");
                ne.put("class_type", cls);
            }
        }
        if (nodeErrors.isEmpty()) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        o.putObject("error").put("type", "prompt_outputs_failed_validation").put("message",
                "Prompt outputs failed validation").put("details", "").putObject("extra_info");
        if (nodeErrorsAsList) {
            ArrayNode list = o.putArray("node_errors");
            nodeErrors.properties().forEach(e -> list.add(((ObjectNode) e.getValue()).put("node_id", e.getKey())));
        } else {
            o.set("node_errors", nodeErrors);
        }
        return o.toString();
    }

    /** The bytes of the file part whose header holds {@code at}: from after its blank line to the next boundary. */
    private static byte[] filePart(byte[] multipart, int at) {
        String text = new String(multipart, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n", at) + 4;
        int lineStart = text.lastIndexOf("\r\n--", at);
        String boundary = lineStart < 0 ? text.substring(0, text.indexOf("\r\n")) : text.substring(lineStart + 2,
                text.indexOf("\r\n", lineStart + 2));
        int end = text.indexOf("\r\n" + boundary, start);
        return java.util.Arrays.copyOfRange(multipart, start, end);
    }

    /** The Content-Type header of the part whose header holds {@code at}, or empty. */
    private static String partType(String multipart, int at) {
        int end = multipart.indexOf("\r\n\r\n", at);
        int type = multipart.toLowerCase(java.util.Locale.ROOT).indexOf("content-type:", at);
        return type < 0 || type > end ? "" : multipart.substring(type + 13, multipart.indexOf("\r\n", type)).strip();
    }

    /** The bytes of a file uploaded into the input folder's {@code subfolder}, or null. */
    byte[] uploaded(String subfolder, String name) {
        return files.get("input/" + (subfolder.isEmpty() ? "" : subfolder + "/") + name);
    }

    /** A text field of a multipart body. */
    private static String field(String multipart, String name) {
        int at = multipart.indexOf("name=\"" + name + "\"");
        if (at < 0) {
            return "";
        }
        int start = multipart.indexOf("\r\n\r\n", at) + 4;
        return multipart.substring(start, multipart.indexOf("\r\n", start));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v = eq < 0 ? "" : kv.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8");
        // aiohttp sends no body to a HEAD; the JDK server warns on a length for one.
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, b.length == 0 || head ? -1 : b.length);
        if (b.length > 0 && !head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }
        x.close();
    }

    /** Every live-or-dead key the server ever saw submitted, in order. */
    List<String> keys() {
        return new ArrayList<>(submissions.keySet());
    }
}
