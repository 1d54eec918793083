package film.slate.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same fix on the same parent gives the same recipe id and master bytes in a fresh store, and is made once. */
class FixDeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void theSameFixInAFreshStoreIsTheSameRecipeAndTheSameMaster() throws Exception {
        FixOrder order = new FixOrder("1/1S1", 1, Optional.empty(), 2, 8, new FixOrder.Region(10, 5, 30, 20),
                Optional.of("lantern lit"), Map.of("time", "DAY", "color.MARA", "#ff0000"), Optional.empty(), 3);
        List<String> first = fix(tmp.resolve("a"), order);
        List<String> second = fix(tmp.resolve("b"), order);
        assertThat(second).isEqualTo(first);
    }

    /** Renders a fresh production, fixes it twice; answers the fix id and master hash (and that the second was not remade). */
    private static List<String> fix(Path dir, FixOrder order) throws Exception {
        try (FixProduction p = FixProduction.open(dir, 1, 1)) {
            Fixer.Made made = p.fixer(x -> { }).fix(order);
            assertThat(made.existed()).isFalse();
            FixOrder again = new FixOrder(order.shot(), order.take(), Optional.of(1), order.first(), order.last(),
                    order.where(), order.prompt(), order.set(), order.backend(), order.feather());
            Fixer.Made twice = p.fixer(x -> { }).fix(again);
            assertThat(twice.existed()).isTrue();
            assertThat(twice.version()).isEqualTo(made.version());
            assertThat(p.store.takes().ofShot("1/1S1")).hasSize(2);
            return List.of(made.fix().id(), made.version().master().orElseThrow());
        }
    }
}
