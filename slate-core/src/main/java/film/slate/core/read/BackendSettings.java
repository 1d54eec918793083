package film.slate.core.read;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.FileRef;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each backend's settings against its type: the fields it knows and, for ComfyUI, that
 * every {@code bind} pointer exists in the workflow. Settings stay raw in the model; generators
 * read them.
 */
final class BackendSettings {
    /** The recipe fields and files a workflow may bind (FORMAT.md, slate.yaml). */
    static final Set<String> BIND_KEYS = Set.of("prompt", "negative", "seed", "width", "height", "frames", "fps",
            "duration", "control", "control_video", "layout", "reference", "mask");

    /** The conditioning files a command or http-task backend may ask for. */
    static final List<String> FILE_KEYS = List.of("control", "control_video", "layout", "reference", "mask");

    private static final Set<String> COMMON = Set.of("type", "cost_per_second", "concurrency", "timeout", "retries");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "previz", Set.of("burn_in"),
            "comfyui", Set.of("url", "urls", "workflow", "bind", "poll_interval", "request_timeout", "unreachable_grace",
                    "model", "restart_wait", "websocket"),
            "command", Set.of("command", "workdir", "env", "transient_exit_codes", "inputs", "model", "inherit_env",
                    "workdir_outside"),
            "http-task", Set.of("url", "method", "headers", "request", "api_key_env", "id", "status", "result", "error",
                    "poll", "poll_interval", "done", "failed", "model", "inputs", "request_timeout", "retry_after_max",
                    "unreachable_grace"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProductionFiles files;
    private final Diagnostics d;

    BackendSettings(ProductionFiles files, Diagnostics d) {
        this.files = files;
        this.d = d;
    }

    void check(BackendConfig backend) {
        Set<String> own = FIELDS.get(backend.type());
        Fields f = Fields.of(backend.settings(), "backend " + backend.name(), d).orElseThrow();
        if (own == null) {
            f.invalid("type", "is '" + backend.type() + "'; a backend type is one of previz, comfyui, command, http-task");
            return;
        }
        COMMON.forEach(f::node);
        f.number("cost_per_second", 0, 1_000_000);
        f.number("concurrency", 1, 1024);
        f.number("timeout", 0.001, 86_400 * 7);
        own.forEach(f::node);
        if (backend.type().equals("comfyui")) {
            comfy(f);
        }
        if (backend.type().equals("comfyui")) {
            f.number("restart_wait", 0, 86_400);
            f.flag("websocket");
        }
        if (backend.type().equals("command")) {
            f.flag("inherit_env");
            boolean outside = f.flag("workdir_outside").orElse(false);
            f.text("workdir").filter(w -> !outside && leavesTheProduction(w)).ifPresent(w -> f.invalid("workdir", "is '"
                    + w + "', outside the production; use a folder inside it, or say workdir_outside: true"));
        }
        if (backend.type().equals("command") && !f.has("command")) {
            f.missing("command", "the program to run per take, e.g. [python3, tools/render.py]");
        }
        if (backend.type().equals("http-task")) {
            for (String k : List.of("url", "request", "id", "poll", "status", "result")) {
                if (!f.has(k)) {
                    f.missing(k, "its value (the http-task backend in docs/FORMAT.md shows each field)");
                }
            }
            for (String k : List.of("url", "poll")) {
                f.text(k).filter(u -> !isHttpUrl(u)).ifPresent(u -> f.invalid(k, "is '" + u
                        + "', not an http:// or https:// address; write it like https://api.example.com/v1/tasks"));
            }
        }
        f.node("inputs").ifPresent(n -> {
            if (n instanceof film.slate.core.yaml.YamlSequence seq) {
                for (var item : seq.items()) {
                    if (!(item instanceof film.slate.core.yaml.YamlScalar sc) || !FILE_KEYS.contains(sc.text())) {
                        d.add(Rule.SCHEMA_FIELD, item.position(), "'inputs' of " + f.what() + " lists '"
                                + item.describe() + "'; list files of " + String.join(", ", FILE_KEYS));
                    }
                }
            } else {
                d.add(Rule.SCHEMA_FIELD, n.position(), "'inputs' of " + f.what()
                        + " is a list of conditioning files, e.g. [control, reference]");
            }
        });
        f.finish();
    }

    /** Whether a folder named in slate.yaml lies outside the production folder (absolute, or up past it). */
    static boolean leavesTheProduction(String folder) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(folder).normalize();
            return p.isAbsolute() || p.startsWith("..");
        } catch (java.nio.file.InvalidPathException e) {
            return true;
        }
    }

    /** Whether a URL template ({@code ${name}} and {@code {id}} filled in later) is an http(s) address with a host. */
    static boolean isHttpUrl(String template) {
        try {
            java.net.URI u = new java.net.URI(template.replaceAll("\\$\\{[A-Za-z_]+}|\\{id}", "x"));
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void comfy(Fields f) {
        if (!f.has("url") && !f.has("urls")) {
            f.missing("url", "the ComfyUI server, e.g. http://127.0.0.1:8188");
        }
        Optional<FileRef> workflow = f.text("workflow")
                .flatMap(p -> files.resolve(ManifestReader.FILE, p, f.at("workflow"), true, d));
        if (!f.has("workflow")) {
            f.missing("workflow", "the path of a ComfyUI API-format workflow (JSON)");
        }
        Optional<JsonNode> graph = workflow.flatMap(this::json);
        f.node("bind").flatMap(n -> Values.idMapping(n, "'bind' of " + f.what(), d)).ifPresent(bind -> {
            for (YamlMapping.Entry e : bind.entries()) {
                if (!BIND_KEYS.contains(e.key())) {
                    d.add(Rule.SCHEMA_FIELD, e.keyPosition(), "'bind' of " + f.what() + " names '" + e.key()
                            + "', which no recipe has; bind one of " + String.join(", ", List.copyOf(new java.util.TreeSet<>(BIND_KEYS))));
                    continue;
                }
                f.asText(e.value(), "bind '" + e.key() + "' of " + f.what()).ifPresent(ptr -> {
                    JsonPointer pointer;
                    try {
                        pointer = JsonPointer.compile(ptr);
                    } catch (IllegalArgumentException ex) {
                        d.add(Rule.SCHEMA_FIELD, e.value().position(), "bind '" + e.key() + "' is '" + ptr
                                + "', not a JSON pointer; write it like /6/inputs/text");
                        return;
                    }
                    graph.ifPresent(g -> {
                        if (g.at(pointer).isMissingNode()) {
                            d.add(Rule.SCHEMA_FIELD, e.value().position(), "bind '" + e.key() + "' points at " + ptr
                                    + ", which the workflow " + workflow.get().path()
                                    + " lacks; export the workflow in API format and copy the node id and input name");
                        }
                    });
                });
            }
        });
    }

    private Optional<JsonNode> json(FileRef ref) {
        return files.read(ref.path(), Rule.REF_FILE, new Diagnostics()).flatMap(bytes -> {
            try {
                return Optional.of(JSON.readTree(new String(bytes, StandardCharsets.UTF_8)));
            } catch (JsonProcessingException e) {
                d.add(Rule.SYNTAX_YAML, ref.position(), "the workflow " + ref.path()
                        + " is not valid JSON; export it again with ComfyUI's 'Save (API Format)'");
                return Optional.empty();
            }
        });
    }
}
