package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Sha256;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.BadAnswer;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.Reply;
import film.slate.engine.remote.Unreachable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The life of one prompt on one server: upload its files, submit it (finding it again when the
 * answer was lost), and follow it to its end, woken by the server's websocket when it says the
 * prompt is done and asking {@code /history/{id}} at the poll interval otherwise.
 */
final class ComfyPrompt {
    private final ComfyWorkflow workflow;
    private final Duration pollInterval;
    private final Duration grace;
    private final Duration requestTimeout;
    private final BackendTime time;

    ComfyPrompt(ComfyWorkflow workflow, Duration pollInterval, Duration grace, Duration requestTimeout,
            BackendTime time) {
        this.workflow = workflow;
        this.pollInterval = pollInterval;
        this.grace = grace;
        this.requestTimeout = requestTimeout;
        this.time = time;
    }

    /** Uploads each bound file the take has; answers the names to bind. */
    Map<String, String> upload(ComfyServer server, Conditioning c) throws GeneratorFault, InterruptedException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : film.slate.engine.conditioning.PrevizPasses.fileKeys(workflow.bound())) {
            Optional<Path> file = workflow.bound().contains(key) ? c.file(key) : Optional.empty();
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
    String submit(ComfyServer server, ObjectNode graph, String key, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        server.socket(); // open before the prompt runs, so that its end is heard
        Reply r;
        try {
            r = server.submit(graph, key);
        } catch (Unreachable e) {
            server.failed(e.getMessage());
            Optional<String> id = e.ambiguous() ? reappear(server, key, cancellation) : Optional.empty();
            if (id.isPresent()) {
                return id.get();
            }
            throw GeneratorFault.transientFault("submitting to " + server.url + " failed: " + e.getMessage()
                    + (e.ambiguous() ? "; the retry looks for the prompt before submitting again" : ""), null);
        } catch (IOException e) {
            server.failed(e.getMessage());
            throw GeneratorFault.transientFault("cannot ask " + server.url + " which prompt ids this take used ("
                    + e.getMessage() + ")", null);
        }
        if (r.status() == 400) {
            throw GeneratorFault.permanent(r.json().map(j -> ComfyErrors.refusal(j, workflow))
                    .orElse("ComfyUI at " + server.url + " refused the prompt: " + r.excerpt(Redactor.none(), 300)), null);
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
                    + (r.ok() ? " but no prompt_id" : "") + ": " + r.excerpt(Redactor.none(), 200), null);
        }
        server.answered();
        return id;
    }

    /**
     * After a submission whose answer was lost: the server may still queue it. Looks for the key
     * until twice the request timeout has passed.
     */
    private Optional<String> reappear(ComfyServer server, String key, Cancellation cancellation)
            throws InterruptedException, GeneratorFault {
        Instant since = time.now();
        while (!time.passed(since, requestTimeout.multipliedBy(2))) {
            cancellation.check();
            try {
                Optional<ComfyServer.Found> f = server.find(key);
                if (f.isPresent()) {
                    return Optional.of(f.get().promptId());
                }
            } catch (IOException e) {
                // keep asking until the deadline
            }
            time.sleep(pollInterval.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : pollInterval);
        }
        return Optional.empty();
    }

    /**
     * Follows the prompt until it is finished. {@code /history/{id}} answers {@code {}} until
     * then; a prompt that is in neither {@code /queue} nor the history twice running is lost. A
     * server that keeps failing for longer than the grace is given up on. Between questions it
     * waits for the server's word that the prompt is done, or the poll interval.
     */
    JsonNode follow(ComfyServer server, String promptId, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        int lost = 0;
        Instant failingSince = null;
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
                failingSince = null;
                server.answered();
                if (h.isPresent()) {
                    return finished(server, promptId, h.get());
                }
            } catch (IOException e) {
                server.failed(e.getMessage());
                if (failingSince == null) {
                    failingSince = time.now();
                } else if (time.passed(failingSince, grace)) {
                    throw GeneratorFault.transientFault("ComfyUI at " + server.url + " stopped answering while prompt "
                            + promptId + " rendered (" + e.getMessage() + ")", null);
                }
            }
            server.awaitEnd(promptId, pollInterval);
        }
    }

    private static JsonNode finished(ComfyServer server, String promptId, JsonNode entry) throws GeneratorFault {
        JsonNode status = entry.path("status");
        if (status.path("status_str").asText("").equals("error")) {
            if (ComfyErrors.interrupted(status) && !ComfyErrors.executionError(status).contains("failed at node")) {
                throw GeneratorFault.transientFault("prompt " + promptId + " was interrupted on " + server.url, null);
            }
            throw GeneratorFault.permanent(ComfyErrors.executionError(status), null);
        }
        return entry;
    }
}
