package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.FarmTiming;
import film.slate.core.model.Positions;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The queue's tuning (issue 17): a killed worker's take is taken up within 30 s by default;
 * slate.yaml's {@code farm:} sets it, and SLATE_DEAD_AFTER over that.
 */
class FarmSettingsTest {
    private static final FarmTiming NONE = FarmTiming.defaults(Positions.of(SourcePosition.ofFile("slate.yaml")));

    @Test
    void byDefaultAFarmTakesUpADeadWorkersTakeWithinThirtySeconds() {
        FarmSettings farm = FarmSettings.of("postgresql", NONE, Map.of());
        assertThat(farm.heartbeat()).isEqualTo(Duration.ofSeconds(4));
        assertThat(farm.deadAfter()).isEqualTo(Duration.ofSeconds(16));
        assertThat(farm.pickupWithin()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(farm.outage()).isEqualTo(Duration.ofMinutes(10));
        assertThat(FarmSettings.of("sqlite", NONE, Map.of()).deadAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(FarmSettings.defaults("postgresql")).isEqualTo(farm);
    }

    @Test
    void slateYamlSetsItAndTheEnvironmentWins() {
        FarmTiming yaml = new FarmTiming(OptionalDouble.of(4), OptionalDouble.of(0.1), OptionalDouble.of(30),
                NONE.where());
        FarmSettings farm = FarmSettings.of("postgresql", yaml, Map.of());
        assertThat(farm.deadAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(farm.poll()).isEqualTo(Duration.ofMillis(100));
        assertThat(farm.outage()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FarmSettings.of("postgresql", yaml, Map.of("SLATE_DEAD_AFTER", "8")).deadAfter())
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void slateDeadAfterSetsItAndNonsenseIsOneSentence() {
        FarmSettings farm = FarmSettings.of("postgresql", NONE, Map.of("SLATE_DEAD_AFTER", "8"));
        assertThat(farm.heartbeat()).isEqualTo(Duration.ofSeconds(2));
        assertThat(farm.pickupWithin()).isEqualTo(Duration.ofMillis(8_000 + 4_000 + 500));
        assertThat(FarmSettings.problem(Map.of("SLATE_DEAD_AFTER", "soon"))).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("SLATE_DEAD_AFTER is soon; give seconds from 0.1 to 86400"));
        assertThat(FarmSettings.problem(Map.of("SLATE_DEAD_AFTER", "-1"))).isPresent();
        assertThat(FarmSettings.problem(Map.of())).isEmpty();
    }
}
