package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue's tuning (issue 17): a killed worker's take is taken up within 30 s by default, and SLATE_DEAD_AFTER sets it. */
class FarmSettingsTest {
    @Test
    void byDefaultAFarmTakesUpADeadWorkersTakeWithinThirtySeconds() {
        FarmSettings farm = FarmSettings.of("postgresql", Map.of());
        assertThat(farm.heartbeat()).isEqualTo(Duration.ofSeconds(4));
        assertThat(farm.deadAfter()).isEqualTo(Duration.ofSeconds(16));
        assertThat(farm.pickupWithin()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(FarmSettings.of("sqlite", Map.of()).deadAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void slateDeadAfterSetsItAndNonsenseIsOneSentence() {
        FarmSettings farm = FarmSettings.of("postgresql", Map.of("SLATE_DEAD_AFTER", "8"));
        assertThat(farm.heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(farm.pickupWithin()).isEqualTo(Duration.ofMillis(8_000 + 4_000 + 500));
        assertThat(FarmSettings.problem(Map.of("SLATE_DEAD_AFTER", "soon"))).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("SLATE_DEAD_AFTER is soon; give seconds from 0.1 to 86400"));
        assertThat(FarmSettings.problem(Map.of("SLATE_DEAD_AFTER", "-1"))).isPresent();
        assertThat(FarmSettings.problem(Map.of())).isEmpty();
    }
}
