package film.slate.engine.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A hosted video API for tests, in the common asynchronous shape: {@code POST /v1/tasks} (bearer
 * key, Idempotency-Key honoured) answers {@code {"id"}}; {@code GET /v1/tasks/{id}} answers
 * {@code {"id", "status": queued|running|succeeded|failed, "output": [url], "error": {"message"}}};
 * results are served from {@code /files/}. Faults are scheduled per route.
 */
public final class FakeTaskApi implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Fault { HTTP_500, HTTP_429, MALFORMED, STALL, ECHO_KEY_401, ECHO_KEY_500_AT_CUT }

    final String key;
    final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    final AtomicInteger creations = new AtomicInteger();
    final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> downloadAuth = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    volatile int pollsUntilDone = 2;
    volatile boolean failTasks;
    volatile long retryAfterS = 1;
    /** The Authorization header of every request, "null" when absent. */
    final List<String> seenAuth = new CopyOnWriteArrayList<>();
    /** Where result URLs point (another server in a test of where credentials go); this one by default. */
    volatile String resultBase;
    /** When set, {@code /files/} answers 302 to the same path there. */
    volatile String redirectFilesTo;
    private final HttpServer server;

    public FakeTaskApi(String key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-task-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A task an earlier run of Slate created (the API knows it; this run's creations are counted on top). */
    String earlierTask() {
        return "task_" + creations.incrementAndGet();
    }

    public void fault(String route, Fault f, int times) {
        Deque<Fault> q = faults.computeIfAbsent(route, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(f);
            }
        }
    }

    private Fault next(String route) {
        Deque<Fault> q = faults.get(route);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String m = x.getRequestMethod();
        String route = m + " " + (path.startsWith("/v1/tasks/") ? "/v1/tasks/" : path.startsWith("/files/") ? "/files/"
                : path);
        Fault f = next(route);
        seenAuth.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        try {
            if (f == Fault.ECHO_KEY_500_AT_CUT) {
                // the key straddles the 120th character, where messages of a 5xx are cut
                String head = "upstream said: " + "x".repeat(100);
                send(x, 500, head + " Authorization: " + x.getRequestHeaders().getFirst("Authorization"));
                return;
            }
            if (path.startsWith("/files/") && redirectFilesTo != null) {
                x.getResponseHeaders().add("Location", redirectFilesTo + path);
                send(x, 302, "{}");
                return;
            }
            if (f == Fault.HTTP_500) {
                send(x, 500, "{\"error\": {\"message\": \"internal error\"}}");
                return;
            }
            if (f == Fault.HTTP_429) {
                x.getResponseHeaders().add("Retry-After", Long.toString(retryAfterS));
                send(x, 429, "{\"error\": {\"message\": \"rate limit exceeded\"}}");
                return;
            }
            if (f == Fault.STALL) {
                Thread.sleep(3000);
                x.close();
                return;
            }
            if (f == Fault.ECHO_KEY_401) {
                send(x, 401, "{\"error\": {\"message\": \"Incorrect API key provided: "
                        + x.getRequestHeaders().getFirst("Authorization") + "\"}}");
                return;
            }
            if (path.startsWith("/files/")) {
                downloadAuth.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
                byte[] png = png();
                x.getResponseHeaders().add("Content-Type", "image/png");
                x.sendResponseHeaders(200, png.length);
                try (OutputStream o = x.getResponseBody()) {
                    o.write(png);
                }
                return;
            }
            if (!("Bearer " + key).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, "{\"error\": {\"message\": \"missing or wrong key\"}}");
                return;
            }
            String body;
            if (m.equals("POST") && path.equals("/v1/tasks")) {
                JsonNode req = JSON.readTree(x.getRequestBody());
                bodies.add(req);
                String idem = x.getRequestHeaders().getFirst("Idempotency-Key");
                String id = idem == null ? null : byIdempotencyKey.get(idem);
                if (id == null) {
                    id = "task_" + creations.incrementAndGet();
                    if (idem != null) {
                        byIdempotencyKey.put(idem, id);
                    }
                }
                body = "{\"id\": \"" + id + "\", \"status\": \"queued\"}";
            } else if (m.equals("GET") && path.startsWith("/v1/tasks/")) {
                String id = path.substring("/v1/tasks/".length());
                if (!id.startsWith("task_") || Integer.parseInt(id.substring(5)) > creations.get()) {
                    send(x, 404, "{\"error\": {\"message\": \"no such task\"}}");
                    return;
                }
                int n = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                ObjectNode o = JSON.createObjectNode().put("id", id);
                if (n < pollsUntilDone) {
                    o.put("status", n == 1 ? "queued" : "running");
                } else if (failTasks) {
                    o.put("status", "failed").putObject("error").put("message",
                            "content policy: the prompt was flagged (key " + key + " logged)");
                } else {
                    o.put("status", "succeeded").putArray("output").add((resultBase == null ? url() : resultBase) + "/files/" + id + ".png");
                }
                body = o.toString();
            } else {
                send(x, 404, "{\"error\": {\"message\": \"not found\"}}");
                return;
            }
            if (f == Fault.MALFORMED) {
                body = body.substring(0, body.length() / 2);
            }
            send(x, 200, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.close();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(96, 54, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 96, 54);
        g.dispose();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }
}
