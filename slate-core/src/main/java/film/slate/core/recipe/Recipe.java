package film.slate.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One take of one shot, compiled: what it says ({@link #content()}), its canonical JSON and that
 * text's SHA-256 ({@link #id()}). A recipe of a generator that conditions on another one's output
 * (previz) lists those recipes as {@link #inputs()}; its JSON names them by id, so recipes form a
 * graph. A value: two recipes are equal when their text and inputs are. A recipe read back from the
 * plan cache with its {@link Heading} reads its text only when something asks for more than the
 * heading says (status of 2,000 unchanged takes needs only their ids and headings).
 */
public final class Recipe {
    /** The version of the recipe layout; part of every recipe, so a layout change re-renders. */
    public static final int SCHEMA = 1;

    private final String id;
    private final String canonical;
    private final List<Recipe> inputs;
    private final Heading heading;
    private volatile RecipeContent content;

    /**
     * What a plan knows of a take without reading its recipe: its shot, take number and seconds.
     *
     * @param duration seconds of picture
     */
    public record Heading(String shot, int take, double duration) {
        public Heading {
            Objects.requireNonNull(shot, "shot");
        }

        /** The heading of {@code content}. */
        public static Heading of(RecipeContent content) {
            return new Heading(content.shot(), content.take(), content.format().duration());
        }
    }

    /**
     * @param id the SHA-256 of {@code canonical}'s UTF-8 bytes
     * @param canonical the RFC 8785 text: the file format and the hash input
     * @param content the recipe's fields as values
     * @param inputs the recipes whose outputs this one conditions on (empty when read back from text)
     */
    public Recipe(String id, String canonical, RecipeContent content, List<Recipe> inputs) {
        this.id = Objects.requireNonNull(id, "id");
        this.canonical = Objects.requireNonNull(canonical, "canonical");
        this.content = Objects.requireNonNull(content, "content");
        this.inputs = List.copyOf(inputs);
        this.heading = Heading.of(content);
    }

    private Recipe(String id, String canonical, Heading heading) {
        this.id = Objects.requireNonNull(id, "id");
        this.canonical = canonical;
        this.inputs = List.of();
        this.heading = Objects.requireNonNull(heading, "heading");
    }

    /** A recipe from its content: canonicalises and hashes it. */
    public static Recipe of(RecipeContent content, List<Recipe> inputs) {
        String canonical = CanonicalJson.text(RecipeJson.tree(content));
        return new Recipe(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), canonical, content, inputs);
    }

    /**
     * A recipe read back from its JSON (as stored, or as handed to {@code slate render}); its inputs
     * are not resolved. The text need not be canonical, but it must say nothing this Slate does not
     * know: a member it cannot read would silently change the take, so it is refused.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong
     */
    public static Recipe parse(String text) {
        JsonNode node = object(text);
        Recipe r = of(RecipeJson.read(node), List.of());
        if (!r.canonical().equals(CanonicalJson.text(node))) {
            throw new IllegalArgumentException("the recipe has members or values this Slate does not know (schema "
                    + node.path("schema").asText("?") + "; this Slate writes schema " + SCHEMA + ")");
        }
        return r;
    }

    /**
     * A recipe from the text a store keeps, when that text is exactly what this Slate writes for
     * what it says: canonical ({@link CanonicalTree}, one pass), and its content written back as a
     * tree ({@link RecipeJson#tree}) equal to the tree read, member for member and value for value
     * (numbers as the doubles the canonical text writes). That is what {@link #parse} establishes for
     * canonical text by canonicalising it again, without doing so (and without Jackson's parser);
     * empty for any other text, which {@code parse} reads, or refuses with a sentence.
     */
    public static Optional<Recipe> ofStored(String text) {
        try {
            Optional<ObjectNode> tree = CanonicalTree.object(text);
            if (tree.isEmpty()) {
                return Optional.empty();
            }
            RecipeContent content = RecipeJson.read(tree.get());
            return RecipeJson.tree(content).equals(SAME_TEXT, tree.get())
                    ? Optional.of(new Recipe(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)), text, content, List.of()))
                    : Optional.empty();
        } catch (RuntimeException notRead) {
            return Optional.empty(); // parse says what is wrong
        }
    }

    /** Two values with the same canonical text: numbers by their doubles (an int and a double of 3 alike), others as Jackson compares. */
    private static final Comparator<JsonNode> SAME_TEXT = (a, b) ->
            (a.isNumber() && b.isNumber() ? a.doubleValue() == b.doubleValue() : a.equals(b)) ? 0 : 1;

    /**
     * A recipe from canonical text that this Slate wrote itself and kept under a content hash (the
     * plan cache): read, not canonicalised again, which is most of what {@link #parse} costs.
     *
     * @throws IllegalArgumentException when the text is not a recipe
     */
    public static Recipe ofCanonical(String canonical) {
        JsonNode node = object(canonical);
        return new Recipe(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), canonical, RecipeJson.read(node),
                List.of());
    }

    /**
     * A recipe from canonical text this Slate wrote, with its id and heading as this Slate wrote them
     * beside the text (the plan cache, which checks that it reads back whole): the text is read only
     * when something asks for more than the heading.
     */
    public static Recipe ofCanonical(String id, String canonical, Heading heading) {
        return new Recipe(id, canonical, heading);
    }

    private static JsonNode object(String text) {
        JsonNode node;
        try {
            node = Json.READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a recipe is a JSON object");
        }
        return node;
    }

    /** This recipe as {@link #parse} reads it back: the same id, text and content, its inputs unresolved. */
    public Recipe withoutInputs() {
        return new Recipe(id, canonical, content(), List.of());
    }

    /** The SHA-256 of {@link #canonical()}'s UTF-8 bytes. */
    public String id() {
        return id;
    }

    /** The RFC 8785 text: the file format and the hash input. */
    public String canonical() {
        return canonical;
    }

    /** The recipe's fields as values. */
    public RecipeContent content() {
        RecipeContent c = content;
        if (c == null) {
            c = RecipeJson.read(object(canonical));
            content = c;
        }
        return c;
    }

    /** The recipes whose outputs this one conditions on (empty when read back from text). */
    public List<Recipe> inputs() {
        return inputs;
    }

    /** Its shot, take and seconds. */
    public Heading heading() {
        return heading;
    }

    public String shot() {
        return heading.shot();
    }

    public int take() {
        return heading.take();
    }

    /** The backend's name in slate.yaml. */
    public String backend() {
        return content().backend().name();
    }

    public long seed() {
        return content().seed();
    }

    /** Frames at the production's rate. */
    public int frames() {
        return content().format().frames();
    }

    public double duration() {
        return heading.duration();
    }

    public String prompt() {
        return content().prompt();
    }

    /** The ids of the recipes this one conditions on, as its JSON names them. */
    public List<String> inputIds() {
        return content().inputs().stream().map(RecipeContent.Input::recipe).toList();
    }

    /** {@code shot#take}, e.g. {@code 1/1A#2}: how logs and messages name a take. */
    public String label() {
        return heading.shot() + "#" + heading.take();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipe r && id.equals(r.id) && canonical.equals(r.canonical) && inputs.equals(r.inputs);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Recipe[" + label() + " " + id + "]";
    }

    /** Made at the first read of a recipe's text: a plan read from its cache needs none. */
    private static final class Json {
        static final ObjectMapper READER = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }
}
