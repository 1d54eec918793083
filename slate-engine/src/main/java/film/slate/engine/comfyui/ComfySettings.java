package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.BackendConfig;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The settings of one ComfyUI backend with their defaults: the servers ({@code url: X}, or
 * {@code urls:} of strings or {@code {url, concurrency}}, one render each by default), the
 * workflow and its binding, and the times it waits by.
 */
record ComfySettings(String backend, List<Server> servers, String workflow, JsonNode bind, Duration pollInterval,
        Duration grace, Duration requestTimeout, Duration restartWait, boolean websocket) {
    /** The default time a take waits for a server that is down to come back. */
    static final Duration RESTART_WAIT = Duration.ofMinutes(2);

    record Server(String url, int capacity) {
    }

    static ComfySettings read(BackendConfig backend) throws GeneratorFault {
        Settings s = new Settings(backend);
        List<Server> out = new ArrayList<>();
        s.text("url").ifPresent(u -> out.add(new Server(u, 1)));
        for (Iterator<JsonNode> it = s.get("urls").elements(); it.hasNext();) {
            JsonNode u = it.next();
            out.add(u.isTextual() ? new Server(u.asText(), 1)
                    : new Server(u.path("url").asText(), Math.max(1, u.path("concurrency").asInt(1))));
        }
        if (out.isEmpty()) {
            throw GeneratorFault.permanent("backend " + s.backendName() + " names no ComfyUI url; run slate check", null);
        }
        for (Server c : out) {
            if (!c.url().startsWith("http://") && !c.url().startsWith("https://")) {
                throw GeneratorFault.permanent("backend " + s.backendName() + " url '" + c.url()
                        + "' is not an http:// or https:// address", null);
            }
        }
        String workflow = s.text("workflow").orElseThrow(() -> GeneratorFault.permanent(
                "backend " + backend.name() + " names no workflow; run slate check", null));
        return new ComfySettings(backend.name(), out, workflow, s.get("bind"), s.seconds("poll_interval", 1),
                s.seconds("unreachable_grace", Math.max(60, 3 * s.number("request_timeout", 30))),
                s.seconds("request_timeout", 30), s.seconds("restart_wait", RESTART_WAIT.toSeconds()),
                !s.get("websocket").isBoolean() || s.get("websocket").asBoolean());
    }
}
