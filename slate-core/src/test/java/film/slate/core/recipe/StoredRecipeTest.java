package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.fixture.Mutations;
import film.slate.core.model.Production;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Recipe#ofStored} accepts exactly the texts the check of before accepted: read, written
 * back canonical and hashed, accepted when the hash was the text's own (a store's recipe body that
 * this Slate would write identically). Over generated recipes and the example's, each unchanged and
 * mutated many ways: whitespace, other spellings of the same number (1.50, 1.5e0, 15e-1), other
 * escapes of the same character, members reordered, added (known and unknown names), removed or
 * given other values, and characters dropped or doubled.
 */
class StoredRecipeTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> KEYS = List.of("a", "zz", "posture", "seat", "end_posture", "end_seat", "bound",
            "set", "blank", "description", "name", "refs", "z", "wardrobe", "wears", "height", "color", "end_at",
            "end_facing", "end_holds", "to", "look_at", "degrees", "amplitude", "point", "character", "facing", "sha256",
            "picks_up", "uses", "key", "path", "id", "seed", "schema", "heading", "size");
    private static final List<String> VALUES = List.of("\"stand\"", "\"sit\"", "\"x\"", "\"\"", "0", "1", "1.5", "-2",
            "true", "false", "null", "[]", "{}", "[0,0]", "[1.5,2]", "9007199254740993", "\"123\"", "\"CU\"", "1e+21");
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static List<String> example;

    @BeforeAll
    static void compileTheExample() throws Exception {
        Production p = RecipeCompilerTest.read(RecipeRoundTripTest.EXAMPLE);
        List<String> bodies = new ArrayList<>();
        for (var backend : p.manifest().backends().values()) {
            for (Recipe r : new RecipeCompiler(p).compileAll(Target.of(backend, "1"), Optional.empty())) {
                bodies.add(r.canonical());
            }
        }
        example = bodies;
    }

    /** The check of before ({@code Recipes.stored}'s until December 2026): empty where it went on to {@code parse}. */
    static Optional<Recipe> before(String body) {
        try {
            Recipe read = Recipe.ofCanonical(body);
            Recipe again = Recipe.of(read.content(), List.of());
            return again.id().equals(read.id()) ? Optional.of(again) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, Mutations.trials(300));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acceptsExactlyWhatReadingAndWritingBackAccepted(int seed) throws Exception {
        Random random = new Random(0x5_70_4EDL + seed);
        String body = seed % 3 == 0 ? example.get(random.nextInt(example.size()))
                : Recipe.of(new RecipeRoundTripTest.Generated(random).content(), List.of()).canonical();
        assertThat(Recipe.ofStored(body)).isPresent();
        sameVerdict(body);
        for (int i = 0; i < 40; i++) {
            String mutated = mutate(body, random);
            if (!mutated.equals(body)) {
                (sameVerdict(mutated) ? ACCEPTED : REFUSED).incrementAndGet();
            }
        }
    }

    @AfterAll
    static void mutantsFellOnBothSides() {
        System.out.println("StoredRecipeTest: mutated bodies accepted " + ACCEPTED + ", refused " + REFUSED);
        assertThat(ACCEPTED.get()).as("mutated bodies accepted").isPositive();
        assertThat(REFUSED.get()).as("mutated bodies refused").isGreaterThan(ACCEPTED.get());
    }

    @Test
    void theExampleReadsAsCompiledAndItsOddSpellingsDoNot() {
        String body = example.get(0);
        Recipe r = Recipe.ofStored(body).orElseThrow();
        assertThat(r).isEqualTo(Recipe.parse(body));
        assertThat(r.content()).isEqualTo(Recipe.parse(body).content());
        assertThat(Recipe.ofStored(body.replaceFirst("\"fps\":(\\d+)", "\"fps\":$1.0"))).isEmpty();
        assertThat(Recipe.ofStored(body.replaceFirst("^\\{", "{ "))).isEmpty();
        assertThat(Recipe.ofStored(body.replaceFirst("^\\{", "{\"aa\":1,"))).isEmpty();
        assertThat(Recipe.ofStored("[" + body + "]")).isEmpty();
        assertThat(Recipe.ofStored("{\"a\":" + "[".repeat(100_000))).isEmpty(); // no stack overflow: parse says what is wrong
    }

    /** Whether the body is accepted, having checked that both checks say the same and read the same. */
    private static boolean sameVerdict(String body) {
        Optional<Recipe> now = Recipe.ofStored(body);
        Optional<Recipe> then = before(body);
        assertThat(now).as(body).isEqualTo(then);
        now.ifPresent(r -> assertThat(r.content()).as(body).isEqualTo(then.get().content()));
        return now.isPresent();
    }

    private static String mutate(String body, Random random) throws Exception {
        Tokens t = Tokens.of(body);
        return switch (random.nextInt(12)) {
            case 0 -> t.insertAt(t.structural, random, random.nextBoolean() ? " " : "\n");
            case 1, 2 -> t.respellNumber(random);
            case 3 -> t.escapeCharacter(random);
            case 4 -> {
                int at = random.nextInt(body.length());
                yield random.nextBoolean() ? body.substring(0, at) + body.substring(at + 1)
                        : body.substring(0, at) + body.charAt(at) + body.substring(at);
            }
            default -> mutateTree(body, random);
        };
    }

    /** A change of members or values, written canonical again (so only what it says differs), or reordered. */
    private static String mutateTree(String body, Random random) throws Exception {
        JsonNode root = JSON.readTree(body);
        List<ObjectNode> objects = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        collect(root, objects, containers);
        ObjectNode o = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        JsonNode value = JSON.readTree(VALUES.get(random.nextInt(VALUES.size())));
        switch (random.nextInt(6)) {
            case 0 -> o.set(KEYS.get(random.nextInt(KEYS.size())), value);
            case 1 -> {
                if (!names.isEmpty()) {
                    o.remove(names.get(random.nextInt(names.size())));
                }
            }
            case 2 -> {
                if (!names.isEmpty()) {
                    o.set(names.get(random.nextInt(names.size())), value);
                }
            }
            case 3 -> { // another text or number in a leaf of the same kind: often a recipe still
                JsonNode c = containers.get(random.nextInt(containers.size()));
                for (int i = 0; i < c.size(); i++) {
                    JsonNode leaf = c instanceof ArrayNode a ? a.get(i) : c.get(new ArrayList<>(c.properties()).get(i).getKey());
                    JsonNode other = leaf.isTextual() ? JSON.getNodeFactory().textNode(leaf.textValue() + "é\u0001")
                            : leaf.isNumber() ? JSON.getNodeFactory().numberNode(leaf.doubleValue() * 2 + 0.25) : null;
                    if (other != null) {
                        replace(c, i, other);
                        break;
                    }
                }
            }
            case 4 -> {
                ObjectNode reordered = JSON.createObjectNode();
                for (int i = names.size() - 1; i >= 0; i--) {
                    reordered.set(names.get(i), o.get(names.get(i)));
                }
                o.removeAll();
                o.setAll(reordered);
                return root.toString(); // Jackson's own spelling: members as they stand, its numbers and escapes
            }
            default -> {
                return root.toString();
            }
        }
        return CanonicalJson.text(root);
    }

    private static void replace(JsonNode container, int i, JsonNode value) {
        if (container instanceof ArrayNode a) {
            a.set(i, value);
        } else {
            ObjectNode o = (ObjectNode) container;
            o.set(new ArrayList<>(o.properties()).get(i).getKey(), value);
        }
    }

    private static void collect(JsonNode n, List<ObjectNode> objects, List<JsonNode> containers) {
        if (n instanceof ObjectNode o) {
            objects.add(o);
        }
        if (n.isContainerNode()) {
            containers.add(n);
            n.forEach(child -> collect(child, objects, containers));
        }
    }

    /** Where a text's strings, numbers and structural characters are (outside strings). */
    private record Tokens(String text, List<Integer> structural, List<int[]> numbers, List<int[]> strings) {
        static Tokens of(String text) {
            Tokens t = new Tokens(text, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < text.length();) {
                char c = text.charAt(i);
                if (c == '"') {
                    int j = i + 1;
                    while (text.charAt(j) != '"') {
                        j += text.charAt(j) == '\\' ? 2 : 1;
                    }
                    t.strings.add(new int[] {i + 1, j});
                    i = j + 1;
                } else if (c == '-' || Character.isDigit(c)) {
                    int j = i + 1;
                    while (j < text.length() && "0123456789.eE+-".indexOf(text.charAt(j)) >= 0) {
                        j++;
                    }
                    t.numbers.add(new int[] {i, j});
                    i = j;
                } else {
                    if ("{}[]:,".indexOf(c) >= 0) {
                        t.structural.add(i + 1);
                    }
                    i++;
                }
            }
            return t;
        }

        String insertAt(List<Integer> places, Random random, String s) {
            int at = places.get(random.nextInt(places.size()));
            return text.substring(0, at) + s + text.substring(at);
        }

        String respellNumber(Random random) {
            if (numbers.isEmpty()) {
                return text;
            }
            int[] span = numbers.get(random.nextInt(numbers.size()));
            String n = text.substring(span[0], span[1]);
            BigDecimal v = new BigDecimal(n);
            double d = v.doubleValue();
            String other = switch (random.nextInt(9)) {
                case 0 -> n.contains(".") || n.contains("e") ? n + "0" : n + ".0";
                case 1 -> n + "e0";
                case 2 -> n.toUpperCase(Locale.ROOT).replace("E+", "E");
                case 3 -> v.toString();
                case 4 -> v.toPlainString();
                case 5 -> Double.toString(d);
                case 6 -> v.movePointLeft(1).toPlainString() + "e1";
                case 7 -> n.startsWith("-") ? n.substring(1) : "-" + n;
                default -> n.contains(".") ? n + "00000000000000001" : "0" + n;
            };
            return text.substring(0, span[0]) + other + text.substring(span[1]);
        }

        String escapeCharacter(Random random) {
            List<int[]> some = strings.stream().filter(s -> s[1] > s[0]).toList();
            if (some.isEmpty()) {
                return text;
            }
            int[] span = some.get(random.nextInt(some.size()));
            int at = span[0] + random.nextInt(span[1] - span[0]);
            char c = text.charAt(at);
            String escape = random.nextBoolean() ? String.format(Locale.ROOT, "\\u%04x", (int) c)
                    : c == '/' ? "\\/" : String.format(Locale.ROOT, "\\u%04X", (int) c);
            return text.substring(0, at) + escape + text.substring(at + 1);
        }
    }
}
