package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One take of one shot, compiled: the canonical JSON and its SHA-256 ({@link #id()}). A recipe of
 * a generator that conditions on another one's output (previz) lists those recipes as
 * {@link #inputs()}; its JSON names them by id, so recipes form a graph.
 *
 * @param id the SHA-256 of {@link #canonical()}'s UTF-8 bytes
 * @param shot the full shot id ({@code 1/1A})
 * @param take the take number, from 1
 * @param backend the backend name in slate.yaml
 * @param json the recipe as a tree (do not modify)
 * @param canonical the RFC 8785 text
 * @param inputs the recipes whose outputs this one conditions on
 */
public record Recipe(String id, String shot, int take, String backend, ObjectNode json, String canonical,
        List<Recipe> inputs) {
    /** The version of the recipe layout; part of every recipe, so a layout change re-renders. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public Recipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(canonical, "canonical");
        inputs = List.copyOf(inputs);
    }

    /** A recipe from its tree: canonicalises and hashes it. */
    public static Recipe of(ObjectNode json, List<Recipe> inputs) {
        String canonical = CanonicalJson.text(json);
        return new Recipe(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), json.path("shot").asText(),
                json.path("take").asInt(), json.path("backend").path("name").asText(), json, canonical, inputs);
    }

    /** A recipe read back from its canonical text (as stored); its inputs are not resolved. */
    public static Recipe parse(String canonical) {
        try {
            JsonNode node = JSON.readTree(canonical);
            if (!(node instanceof ObjectNode o)) {
                throw new IllegalArgumentException("a recipe is a JSON object");
            }
            return of(o, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long seed() {
        return json.path("seed").asLong();
    }

    /** Frames at the production's rate. */
    public int frames() {
        return json.path("format").path("frames").asInt();
    }

    public double duration() {
        return json.path("format").path("duration").asDouble();
    }

    public String prompt() {
        return json.path("prompt").asText();
    }

    /** The ids of the recipes this one conditions on, as its JSON names them. */
    public List<String> inputIds() {
        return inputs.stream().map(Recipe::id).toList();
    }

    /** {@code shot#take}, e.g. {@code 1/1A#2}: how logs and messages name a take. */
    public String label() {
        return shot + "#" + take;
    }
}
