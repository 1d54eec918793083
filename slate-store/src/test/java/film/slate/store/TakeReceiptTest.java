package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A receipt's bytes name its object, so they must not change: written without a tree, they are
 * the bytes the tree of the same fields gave (the form every stored receipt has), for seeded
 * receipts with quotes, escapes, other scripts and every optional field; and they read back whole.
 */
class TakeReceiptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ODD = "\"\\/\n\t\u0001 é漢🎬aZ09-#";

    static LongStream seeds() {
        return LongStream.range(0, 60).map(i -> 5_700 + i);
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(24); i > 0; i--) {
            b.appendCodePoint(ODD.codePointAt(ODD.offsetByCodePoints(0, r.nextInt(ODD.codePointCount(0, ODD.length())))));
        }
        return b.toString();
    }

    private static Optional<String> maybe(Random r) {
        return r.nextBoolean() ? Optional.of(text(r)) : Optional.empty();
    }

    /** The bytes as the receipt wrote them until round 13: a Jackson tree of the same fields, in the same order. */
    private static byte[] asTree(TakeReceipt t) throws Exception {
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theBytesAreThoseOfTheTreeAndReadBack(long seed) throws Exception {
        Random r = new Random(seed);
        double[] costs = {0, -0.0, 1e-9, 0.1, 12.5, 1e21, Double.MIN_VALUE, r.nextDouble() * 1000};
        TakeReceipt t = new TakeReceipt(text(r), r.nextInt(), text(r), text(r), text(r), maybe(r), maybe(r),
                r.nextLong(), r.nextLong(), r.nextBoolean() ? OptionalDouble.of(costs[r.nextInt(costs.length)])
                        : OptionalDouble.empty());
        assertThat(new String(t.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(asTree(t), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(TakeReceipt.parse(t.bytes())).contains(t);
    }
}
