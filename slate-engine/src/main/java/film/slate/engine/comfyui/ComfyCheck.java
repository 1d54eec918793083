package film.slate.engine.comfyui;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.FileRef;
import film.slate.core.read.SettingsFiles;
import film.slate.core.recipe.ReferenceKey;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlSequence;
import film.slate.engine.conditioning.Conditioning;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Checks a ComfyUI backend's settings at their lines: its server, its workflow, and that every bind points into it. */
final class ComfyCheck {
    private static final Set<String> FIELDS = Set.of("url", "urls", "workflow", "bind", "poll_interval",
            "request_timeout", "unreachable_grace", "model", "restart_wait", "websocket");
    /** The recipe fields and files a workflow may bind (FORMAT.md, slate.yaml), besides the families. */
    private static final List<String> BIND_KEYS = List.copyOf(new TreeSet<>(
            Stream.concat(Conditioning.VALUES.stream(), Conditioning.FILES.stream()).toList()));
    private static final String FAMILIES = String.join(", ", Conditioning.fileKeysWritten().stream()
            .filter(k -> !Conditioning.FILES.contains(k)).toList()) + ", prompt.<CHARACTER>, references: [pointer, ...]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fields f;
    private final SettingsFiles files;
    private final Diagnostics d;
    /** Each workflow input bound so far, and the bind that fills it: one input, one bind. */
    private final Map<String, String> filled = new HashMap<>();

    private ComfyCheck(Fields f, SettingsFiles files) {
        this.f = f;
        this.files = files;
        this.d = f.diagnostics();
    }

    static void check(Fields f, SettingsFiles files) {
        FIELDS.forEach(f::node);
        new ComfyCheck(f, files).workflow();
        f.number("restart_wait", 0, 86_400);
        f.flag("websocket");
    }

    private void workflow() {
        if (!f.has("url") && !f.has("urls")) {
            f.missing("url", "the ComfyUI server, e.g. http://127.0.0.1:8188");
        }
        Optional<FileRef> workflow = f.text("workflow").flatMap(p -> files.resolve(p, f.at("workflow"), d));
        if (!f.has("workflow")) {
            f.missing("workflow", "the path of a ComfyUI API-format workflow (JSON)");
        }
        Optional<JsonNode> graph = workflow.flatMap(this::json);
        f.node("bind").flatMap(this::bindings).ifPresent(bind -> {
            for (YamlMapping.Entry e : bind.entries()) {
                if (ReferenceKey.LISTS.containsKey(e.key())) {
                    list(e, graph, workflow);
                    continue;
                }
                if (!BIND_KEYS.contains(e.key()) && !Conditioning.isFile(e.key()) && !Conditioning.isValue(e.key())) {
                    d.add(Rule.SCHEMA_FIELD, e.keyPosition(), "'bind' of " + f.what() + " names '" + e.key()
                            + "', which no recipe has; bind one of " + String.join(", ", BIND_KEYS) + ", " + FAMILIES);
                    continue;
                }
                f.asText(e.value(), "bind '" + e.key() + "' of " + f.what())
                        .ifPresent(ptr -> pointer(e, ptr, graph, workflow));
            }
        });
    }

    /** A list bind: a list of pointers, each into the workflow (a list longer than its nodes is an error). */
    private void list(YamlMapping.Entry e, Optional<JsonNode> graph, Optional<FileRef> workflow) {
        if (!(e.value() instanceof YamlSequence seq)) {
            d.add(Rule.SCHEMA_FIELD, e.value().position(), "bind '" + e.key() + "' of " + f.what()
                    + " is a list of JSON pointers, one a node, e.g. [/12/inputs/image, /13/inputs/image]");
            return;
        }
        List<YamlNode> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            Optional<String> ptr = f.asText(item, "item " + (i + 1) + " of bind '" + e.key() + "'");
            if (ptr.isEmpty()) {
                continue;
            }
            Optional<JsonPointer> p = compile(e.key(), ptr.get(), item);
            if (p.isPresent()) {
                once(e.key() + "[" + (i + 1) + "]", p.get(), item);
            }
            if (p.isPresent() && graph.isPresent() && graph.get().at(p.get()).isMissingNode()) {
                d.add(Rule.SCHEMA_FIELD, item.position(), "bind '" + e.key() + "' lists " + items.size()
                        + " pointers, but the workflow " + workflow.get().path() + " has no node at its item " + (i + 1)
                        + ", " + ptr.get() + "; shorten the list to the workflow's nodes, or add the node");
            }
        }
    }

    private Optional<JsonPointer> compile(String key, String ptr, YamlNode at) {
        try {
            return Optional.of(JsonPointer.compile(ptr));
        } catch (IllegalArgumentException ex) {
            d.add(Rule.SCHEMA_FIELD, at.position(), "bind '" + key + "' is '" + ptr
                    + "', not a JSON pointer; write it like /6/inputs/text");
            return Optional.empty();
        }
    }

    private Optional<YamlMapping> bindings(film.slate.core.yaml.YamlNode node) {
        if (node instanceof YamlMapping m) {
            return Optional.of(m);
        }
        d.add(Rule.SCHEMA_FIELD, node.position(), "'bind' of " + f.what()
                + " should be a mapping from ids to entries, not " + node.describe());
        return Optional.empty();
    }

    private void pointer(YamlMapping.Entry e, String ptr, Optional<JsonNode> graph, Optional<FileRef> workflow) {
        Optional<JsonPointer> compiled = compile(e.key(), ptr, e.value());
        if (compiled.isEmpty()) {
            return;
        }
        JsonPointer pointer = compiled.get();
        once(e.key(), pointer, e.value());
        graph.ifPresent(g -> {
            if (g.at(pointer).isMissingNode()) {
                d.add(Rule.SCHEMA_FIELD, e.value().position(), "bind '" + e.key() + "' points at " + ptr
                        + ", which the workflow " + workflow.get().path()
                        + " lacks; export the workflow in API format and copy the node id and input name");
            }
        });
    }

    /**
     * Reports a second bind of one workflow input: the submitted graph would carry whichever file
     * was written last, so which one a model saw would not be in the recipe.
     */
    private void once(String bind, JsonPointer pointer, YamlNode at) {
        String first = filled.putIfAbsent(pointer.toString(), bind);
        if (first != null) {
            d.add(Rule.SCHEMA_FIELD, at.position(), "bind '" + bind + "' of " + f.what() + " points at " + pointer
                    + ", which bind '" + first + "' fills already; give each bind an input of its own");
        }
    }

    private Optional<JsonNode> json(FileRef ref) {
        return files.read(ref.path()).flatMap(bytes -> {
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
