package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ComfyUI's error shapes, as one sentence each. */
final class ComfyErrors {
    private static final int MAX = 600;

    private ComfyErrors() {
    }

    /**
     * A refused prompt (HTTP 400): {@code {"error": {type, message, details}, "node_errors": ...}}
     * where {@code node_errors} is a map of node id to {@code {errors: [...], class_type}} or a list
     * of such entries.
     */
    static String refusal(JsonNode body, ComfyWorkflow workflow) {
        List<String> nodes = new ArrayList<>();
        JsonNode ne = body.path("node_errors");
        if (ne.isObject()) {
            for (Map.Entry<String, JsonNode> e : ne.properties()) {
                nodes.add(node(e.getKey(), e.getValue(), workflow));
            }
        } else if (ne.isArray()) {
            for (JsonNode entry : ne) {
                String id = entry.path("node_id").asText(entry.path("id").asText("?"));
                nodes.add(node(id, entry, workflow));
            }
        }
        JsonNode error = body.path("error");
        String head;
        if (error.isTextual()) {
            head = error.asText();
        } else {
            head = join(error.path("message").asText("the prompt is invalid"), error.path("details").asText(""));
        }
        String text = nodes.isEmpty() ? "ComfyUI refused the workflow: " + head
                : "ComfyUI refused the workflow: " + String.join("; ", nodes);
        return cap(text + "; fix the workflow or the server's models and nodes");
    }

    private static String node(String id, JsonNode entry, ComfyWorkflow workflow) {
        String cls = entry.path("class_type").asText(workflow.classOf(id));
        List<String> errs = new ArrayList<>();
        for (JsonNode e : entry.path("errors")) {
            String input = e.path("extra_info").path("input_name").asText("");
            String msg = join(e.path("message").asText(e.path("type").asText("error")), e.path("details").asText(""));
            errs.add((input.isEmpty() ? "" : "input " + input + ": ") + msg);
        }
        if (errs.isEmpty()) {
            errs.add("invalid");
        }
        return "node " + id + " (" + (cls.isEmpty() ? "unknown class" : cls) + ") " + String.join(", ", errs);
    }

    /** The {@code execution_error} message of a finished prompt's status, when it has one. */
    static String executionError(JsonNode status) {
        for (JsonNode m : status.path("messages")) {
            if (m.isArray() && m.size() >= 2 && m.get(0).asText().equals("execution_error")) {
                JsonNode d = m.get(1);
                return cap("ComfyUI failed at node " + d.path("node_id").asText("?") + " ("
                        + d.path("node_type").asText("unknown class") + "): "
                        + d.path("exception_message").asText("no message").strip());
            }
        }
        return "ComfyUI reports the prompt failed, without an execution_error message";
    }

    /** Whether a finished prompt's status says it was interrupted (a user, a restart) rather than failed. */
    static boolean interrupted(JsonNode status) {
        for (JsonNode m : status.path("messages")) {
            if (m.isArray() && m.size() >= 1 && m.get(0).asText().equals("execution_interrupted")) {
                return true;
            }
        }
        return false;
    }

    private static String join(String message, String details) {
        return details.isBlank() ? message.strip() : message.strip() + ": " + details.strip();
    }

    static String cap(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= MAX ? one : one.substring(0, MAX) + "...";
    }
}
