package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.engine.remote.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server's websocket ({@code /ws?clientId=}): ComfyUI tells the client that submitted a prompt
 * when it ends ({@code executing} with node null, {@code execution_success}, {@code execution_error},
 * {@code execution_interrupted}), so a take learns it at once instead of at the next poll. When
 * the socket is not open, the caller polls.
 */
final class ComfySocket implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDS = Set.of("execution_success", "execution_error", "execution_interrupted");

    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final StringBuilder partial = new StringBuilder();
    private final Object signal = new Object();
    private volatile boolean open;

    /** Connects to the server at {@code base} (http:// or https://); a socket that could not open stays closed. */
    static ComfySocket connect(Http http, URI base, String clientId) throws InterruptedException {
        ComfySocket s = new ComfySocket();
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        URI ws = URI.create(scheme + base.toString().substring(base.getScheme().length()) + "ws?clientId=" + clientId);
        try {
            http.webSocket(ws, s).get(http.timeout().toMillis(), TimeUnit.MILLISECONDS);
            s.open = true;
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
             s.open = false; // an old server or a proxy without websockets: polling alone
        }
        return s;
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Waits until the server says the prompt ended, or {@code most} has passed.
     *
     * @return whether the server said so
     */
    boolean awaitEnd(String promptId, Duration most) throws InterruptedException {
        long deadline = System.nanoTime() + most.toNanos();
        synchronized (signal) {
            while (open && !ended.contains(promptId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
        return ended.remove(promptId);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            message(text);
        }
        socket.request(1);
        return null;
    }

    private void message(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            return; // not ours to judge: the history says what happened
        }
        String type = m.path("type").asText("");
        JsonNode data = m.path("data");
        boolean end = ENDS.contains(type) || type.equals("executing") && data.has("node") && data.path("node").isNull();
        String id = data.path("prompt_id").asText("");
        if (end && !id.isEmpty()) {
            ended.add(id);
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        socket.request(1); // previews: not needed
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed();
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed();
    }

    private void closed() {
        open = false;
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
