package film.slate.engine.comfyui;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.CanonicalJson;
import film.slate.core.recipe.Sha256;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.generator.GeneratorFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A workflow in ComfyUI's API format ({@code {"<node id>": {"class_type", "inputs"}}}) and the
 * {@code bind} map from recipe fields to JSON pointers into it.
 */
final class ComfyWorkflow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode graph;
    private final Map<String, JsonPointer> bind;
    private final String hash;

    ComfyWorkflow(ObjectNode graph, Map<String, JsonPointer> bind) throws GeneratorFault {
        this.graph = graph;
        this.bind = Map.copyOf(bind);
        for (var e : graph.properties()) {
            if (!e.getValue().path("class_type").isTextual()) {
                throw GeneratorFault.permanent("node " + e.getKey() + " of the workflow has no class_type: it is not"
                        + " in ComfyUI's API format; export it with 'Save (API Format)'", null);
            }
        }
        for (var e : bind.entrySet()) {
            if (graph.at(e.getValue()).isMissingNode() || e.getValue().tail() == null) {
                throw GeneratorFault.permanent("bind '" + e.getKey() + "' points at " + e.getValue()
                        + ", which the workflow lacks; run slate check", null);
            }
        }
        this.hash = Sha256.hex(CanonicalJson.bytes(graph));
    }

    static ComfyWorkflow read(Path file, JsonNode bindSettings) throws GeneratorFault {
        JsonNode g;
        try {
            g = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw GeneratorFault.permanent("cannot read the workflow " + file.getFileName() + " (" + e.getMessage()
                    + "); export it again with ComfyUI's 'Save (API Format)'", e);
        }
        if (!(g instanceof ObjectNode o)) {
            throw GeneratorFault.permanent("the workflow " + file.getFileName() + " is not a JSON object of nodes", null);
        }
        Map<String, JsonPointer> bind = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : bindSettings.properties()) {
            if (e.getValue().isArray()) { // a list bind: its items in order, as the keys they stand for
                java.util.List<String> keys = film.slate.core.recipe.ReferenceKey.items(e.getKey(), e.getValue().size());
                for (int i = 0; i < keys.size(); i++) {
                    bind.put(keys.get(i), pointer(e.getKey(), e.getValue().get(i)));
                }
            } else {
                bind.put(e.getKey(), pointer(e.getKey(), e.getValue()));
            }
        }
        return new ComfyWorkflow(o, bind);
    }

    private static JsonPointer pointer(String key, JsonNode value) throws GeneratorFault {
        try {
            return JsonPointer.compile(value.asText());
        } catch (IllegalArgumentException ex) {
            throw GeneratorFault.permanent("bind '" + key + "' is not a JSON pointer; run slate check", ex);
        }
    }

    /** SHA-256 of the canonical graph. */
    String hash() {
        return hash;
    }

    Set<String> bound() {
        return bind.keySet();
    }

    /** The node classes the graph uses, sorted. */
    Set<String> classes() {
        Set<String> out = new TreeSet<>();
        graph.properties().forEach(e -> out.add(e.getValue().path("class_type").asText()));
        return out;
    }

    /** The class of a node, when the graph has it. */
    String classOf(String nodeId) {
        return graph.path(nodeId).path("class_type").asText("");
    }

    /**
     * The graph of one take: each bound value set at its pointer ({@code files} holds the names the
     * server gave uploaded files). A bound file the take lacks keeps the workflow's own value.
     */
    ObjectNode graphFor(Conditioning c, Map<String, String> files) {
        ObjectNode g = graph.deepCopy();
        for (var e : bind.entrySet()) {
            JsonNode value;
            if (Conditioning.isValue(e.getKey())) {
                value = c.value(e.getKey());
                if (e.getKey().equals("seed") && value.isTextual()) {
                    value = JSON.getNodeFactory().numberNode(new java.math.BigInteger(value.asText()));
                }
            } else if (files.containsKey(e.getKey())) {
                value = JSON.getNodeFactory().textNode(files.get(e.getKey()));
            } else {
                continue;
            }
            if (value.isMissingNode()) {
                continue;
            }
            JsonPointer p = e.getValue();
            JsonNode parent = g.at(p.head());
            String field = p.last().getMatchingProperty();
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                a.set(p.last().getMatchingIndex(), value);
            }
        }
        return g;
    }
}
