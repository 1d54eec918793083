package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Receipts are objects named by the hash of their bytes, and events' details are read back by
 * other commands: {@link FlatJson} must write exactly what Jackson wrote from a tree of the same
 * fields. Each seed draws receipts and details with every kind of character a name can hold
 * (quotes, backslashes, controls, DEL, accents, CJK, emoji as surrogate pairs, lone surrogates)
 * and every kind of number (negative, huge, tiny, -0.0, NaN, infinities), and compares the bytes
 * and the text with Jackson's, field for field as the code wrote them before.
 */
class FlatJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PIECES = {"a", "Z", "0", "/", "#", " ", "\"", "\\", "\n", "\t", "\r", "\b", "\f",
        "\u0000", "\u0001", "\u001f", "\u007f", "\u0080", "é", "Å", "\u2028", "\u30b7\u30fc\u30f3", "\ud83c\udfac",
        "\ud83c", "\udfac", "\uffff", "{", "}", ":", ","};

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 1_700 + i);
    }

    /** A seeded name: mostly plain, sometimes with any of the pieces above. */
    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : String.valueOf((char) ('a' + r.nextInt(26))));
        }
        return s.toString();
    }

    private static double number(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> r.nextDouble() * 1e-9;
            case 4 -> r.nextDouble() * 1e25;
            case 5 -> r.nextInt(1000) / 100.0;
            case 6 -> Double.longBitsToDouble(r.nextLong());
            default -> r.nextDouble() * 100;
        };
    }

    private static long whole(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Long.MIN_VALUE + r.nextInt(3);
            case 1 -> Long.MAX_VALUE - r.nextInt(3);
            case 2 -> r.nextInt(2000) - 1000;
            default -> r.nextLong();
        };
    }

    private static TakeReceipt receipt(Random r) {
        return new TakeReceipt(text(r), r.nextInt(), text(r), text(r), text(r),
                r.nextBoolean() ? Optional.of(text(r)) : Optional.empty(),
                r.nextBoolean() ? Optional.of(text(r)) : Optional.empty(), whole(r), whole(r),
                r.nextBoolean() ? OptionalDouble.of(number(r)) : OptionalDouble.empty());
    }

    /** The receipt's bytes as they were written before FlatJson: Jackson, from a tree. */
    private static byte[] jackson(TakeReceipt t) throws Exception {
        ObjectNode o = JSON.createObjectNode().put("kind", TakeReceipt.KIND).put("shot", t.shot()).put("take", t.take())
                .put("recipe", t.recipe()).put("backend", t.backend()).put("master", t.master());
        t.proxy().ifPresent(p -> o.put("proxy", p));
        t.depth().ifPresent(d -> o.put("depth", d));
        o.put("started_at", t.startedAt()).put("finished_at", t.finishedAt());
        if (t.cost().isPresent()) {
            o.put("cost", t.cost().getAsDouble());
        }
        return JSON.writeValueAsBytes(o);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void receiptsHaveJacksonsBytesAndReadBack(long seed) throws Exception {
        Random r = new Random(seed);
        int fallbacks = 0;
        for (int i = 0; i < 400; i++) {
            TakeReceipt t = receipt(r);
            byte[] before;
            try {
                before = jackson(t);
            } catch (Exception e) {
                assertThatThrownBy(t::bytes).as("Jackson refused %s, so must the receipt", t).isNotNull();
                continue;
            }
            assertThat(t.bytes()).as("receipt %s", t).isEqualTo(before);
            Optional<TakeReceipt> back = TakeReceipt.parse(t.bytes());
            assertThat(back).isPresent();
            assertThat(back.get().shot()).isEqualTo(JSON.readTree(before).path("shot").asText());
            fallbacks += t.toString().chars().anyMatch(c -> Character.isSurrogate((char) c)) || t.cost().isPresent()
                    && !Double.isFinite(t.cost().getAsDouble()) ? 1 : 0;
        }
        assertThat(fallbacks).as("the draw reaches Jackson's own cases too").isPositive();
    }

    /** Events' details: {@code ObjectNode.toString()} before; the same text now, for any take, recipe, backend and attempt. */
    @ParameterizedTest
    @MethodSource("seeds")
    void detailsHaveJacksonsText(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 400; i++) {
            int take = r.nextInt();
            String recipe = text(r);
            String backend = text(r);
            long attempt = whole(r);
            double cost = number(r);
            String before = JSON.createObjectNode().put("take", take).put("recipe", recipe).put("backend", backend)
                    .put("attempt", attempt).put("cost", cost).toString();
            assertThat(new FlatJson().put("take", take).put("recipe", recipe).put("backend", backend)
                    .put("attempt", attempt).put("cost", cost).text()).isEqualTo(before);
        }
    }
}
