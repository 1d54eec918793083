package film.slate.engine.build;

import java.time.Duration;

/** The end of a build: how many takes were rendered, found already made, failed; time and cost. */
public record BuildSummary(int rendered, int cached, int failed, Duration time, double cost) {
}
