package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.fixture.Mutations;
import film.slate.core.model.Aim;
import film.slate.core.model.Framing;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.ShotEvent;
import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stored recipe reads back as the value that was compiled: same content, same canonical text,
 * same id. Over the example, a synthetic production and many generated recipes (more with
 * {@code -Dslate.trials=N}).
 */
class RecipeRoundTripTest {
    static final Path EXAMPLE = Path.of("..", "examples", "lighthouse");
    /**
     * The sorted recipe ids below, one a line, as the tree-built compiler of before made them (re-blessed
     * once, on purpose, when the example's four inserts 1G, 2D, 3D and 5D were aimed at the prop previz draws; and
     * again when recipes began to hash only the references their backend binds: a backend that binds none names
     * them by path alone, so replacing an image no longer re-renders previz; and once more when props left on a set stopped
     * following a continuing scene to another location; when the example's format became 640x360 for
     * the demo, issue 9 §4: every example recipe holds the format; and once more when the example's locations got
     * their set pieces, Tom sat down on the kitchen chair (with insert 2D aimed at his seated hand) and inserts named
     * their prop by its description in the prompt, issue 12 §5; and when insert 2D's camera moved west of the table,
     * whose edge hid that hand once framing/insert counted set pieces; and when a prop's resting point
     * was written to the millimetre, so scene 2's kettle rests at 3.65, no longer 3.6500000000000004; and when
     * the lamp room got the brass rail that 3G leaves the logbook on; and when 2C's Mara crossed to Tom's side of
     * the kitchen table to set the mug down within his reach, with 2E, 2F and 2G's cameras placed around her there).
     */
    static final String GOLDEN = "381afb4373e0ecddfce8af733e7d081c1200d2cbb6045c8cf93c3032c886b39b";
    static final int HOW_MANY = 232;

    @Test
    void everyCompiledRecipeReadsBackAsItself(@TempDir Path tmp) throws Exception {
        for (Path dir : List.of(EXAMPLE, SyntheticProduction.write(tmp.resolve("s"), 4, 6))) {
            Production p = RecipeCompilerTest.read(dir);
            for (var backend : p.manifest().backends().values()) {
                Target t = new Target(backend, "2", Optional.of(Target.of(backend, "1")));
                for (Recipe r : new RecipeCompiler(p).compileAll(t, Optional.empty())) {
                    assertThat(Recipe.parse(r.canonical())).isEqualTo(r.withoutInputs());
                    assertThat(Recipe.ofCanonical(r.canonical())).isEqualTo(r.withoutInputs()); // the plan cache's way
                    for (Recipe in : r.inputs()) {
                        assertThat(Recipe.parse(in.canonical())).isEqualTo(in.withoutInputs());
                    }
                }
            }
        }
    }

    /**
     * The recipe ids of the example and of a synthetic production, as the tree-built recipes of
     * before the typed recipe made them: a layout change that moves them must be deliberate (bump
     * {@link Recipe#SCHEMA} and re-bless this hash, saying why).
     */
    @Test
    void theIdsOfUnchangedProductionsStayTheSame(@TempDir Path tmp) throws Exception {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(); // backends come in no fixed order
        for (Path dir : List.of(EXAMPLE, SyntheticProduction.write(tmp.resolve("s"), 5, 7))) {
            Production p = RecipeCompilerTest.read(dir);
            for (var backend : p.manifest().backends().values()) {
                Target t = new Target(backend, "v2", Optional.of(Target.of(backend, "v1")));
                for (Recipe r : new RecipeCompiler(p).compileAll(t, Optional.empty())) {
                    ids.add(r.id());
                    r.inputs().forEach(in -> ids.add(in.id()));
                }
            }
        }
        assertThat(ids).hasSize(HOW_MANY);
        assertThat(Sha256.hex((String.join("\n", ids) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(GOLDEN);
    }

    static IntStream seeds() {
        return IntStream.range(0, Mutations.trials(200));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedRecipesReadBackAsThemselves(int seed) {
        RecipeContent c = new Generated(new Random(0x5EC1_9E00L + seed)).content();
        Recipe r = Recipe.of(c, List.of());
        Recipe back = Recipe.parse(r.canonical());
        assertThat(back.content()).isEqualTo(c);
        assertThat(back.canonical()).isEqualTo(r.canonical());
        assertThat(back.id()).isEqualTo(Sha256.hex(r.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aRecipeWithAMemberThisSlateDoesNotKnowIsRefused() {
        Recipe r = Recipe.of(new Generated(new Random(1)).content(), List.of());
        String extra = r.canonical().replaceFirst("^\\{", "{\"aa_unknown\":1,");
        assertThatThrownBy(() -> Recipe.parse(extra)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not know");
        String missing = r.canonical().replaceFirst("\"negative\":\"(\\\\.|[^\"\\\\])*\",", "");
        assertThatThrownBy(() -> Recipe.parse(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/negative");
        assertThatThrownBy(() -> Recipe.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recipe.parse("{\"schema\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecipeNeedNotBeCanonicalToBeRead() {
        Recipe r = Recipe.of(new Generated(new Random(2)).content(), List.of());
        String spaced = r.canonical().replace(",\"", ",\n  \"");
        assertThat(Recipe.parse(spaced)).isEqualTo(r);
    }

    /** Random recipe contents over every member, optional or not, with awkward text and numbers. */
    record Generated(Random random) {
        RecipeContent content() {
            return new RecipeContent(1, text(), text() + "/" + text(), 1 + random.nextInt(9), seed(), random.nextBoolean(),
                    new RecipeContent.Format(1 + random.nextInt(60), 1 + random.nextInt(4000), 1 + random.nextInt(3000),
                            number(), random.nextInt(10_000)),
                    text(), text(), pick(Framing.values()), text(), list(this::subject), list(this::castMark),
                    map(this::point), map(this::point),
                    new RecipeContent.Place(text(), maybe(() -> new RecipeContent.PlaceLook(text(), text(), number(),
                            number(), list(this::ref))), text()),
                    new RecipeContent.CameraSetup(point(), number(), number(), aim()), move(),
                    map(() -> new RecipeContent.Mark(point(), maybeNumber())), list(this::event),
                    list(() -> new RecipeContent.Line(text(), text())),
                    new RecipeContent.BackendRef(text(), text(), text(), text()),
                    list(() -> new RecipeContent.Input(text(), text())));
        }

        RecipeContent.Subject subject() {
            return new RecipeContent.Subject(text(), maybe(() -> new RecipeContent.Portrait(text(), text(), list(this::ref))),
                    maybe(this::text), maybe(this::text), list(() -> new RecipeContent.Held(text(),
                            maybe(() -> new RecipeContent.PropLook(text(), list(this::ref))))));
        }

        RecipeContent.CastMark castMark() {
            return new RecipeContent.CastMark(text(), maybe(() -> new RecipeContent.StandIn(number(), text())), point(),
                    number(), list(this::text), maybe(() -> new RecipeContent.EndMark(point(), number(), list(this::text))));
        }

        RecipeContent.Ref ref() {
            return new RecipeContent.Ref(text(), maybe(this::text));
        }

        RecipeContent.CameraMove move() {
            return new RecipeContent.CameraMove(pick(MoveType.values()), maybe(this::point), maybeNumber(),
                    maybe(this::aim), maybeNumber(), maybeNumber());
        }

        RecipeContent.Event event() {
            return new RecipeContent.Event(text(), pick(ShotEvent.Kind.values()), text(), maybe(this::text));
        }

        Aim aim() {
            return random.nextBoolean() ? new Aim(Optional.of(text()), Optional.empty(), maybeNumber())
                    : new Aim(Optional.empty(), Optional.of(point()), maybeNumber());
        }

        Point point() {
            return new Point(number(), number());
        }

        long seed() {
            return switch (random.nextInt(4)) {
                case 0 -> random.nextLong(); // beyond a double: written as text
                case 1 -> -(random.nextLong() >>> 11);
                default -> random.nextLong() >>> 11;
            };
        }

        double number() {
            double d = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(100);
                case 1 -> random.nextGaussian() * 10;
                case 2 -> random.nextDouble() * 1e-8;
                case 3 -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
                default -> Math.round(random.nextDouble() * 1000) / 100.0;
            };
            return d == 0 ? 0 : d; // JSON has no negative zero
        }

        OptionalDouble maybeNumber() {
            return random.nextBoolean() ? OptionalDouble.of(number()) : OptionalDouble.empty();
        }

        String text() {
            String alphabet = "abcXYZ 019/_-\"\\\n\t\u0001é☃\uD83C\uDFAC";
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    b.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    b.append(c);
                }
            }
            return b.toString();
        }

        <T> Optional<T> maybe(Supplier<T> each) {
            return random.nextBoolean() ? Optional.of(each.get()) : Optional.empty();
        }

        <T> List<T> list(Supplier<T> each) {
            List<T> out = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.add(each.get());
            }
            return out;
        }

        <T> Map<String, T> map(Supplier<T> each) {
            Map<String, T> out = new LinkedHashMap<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.put(text(), each.get());
            }
            return out;
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
