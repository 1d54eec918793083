package film.slate.engine.build;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How to build.
 *
 * @param backend the backend name (slate.yaml's {@code backend:} when empty)
 * @param shots a shot selector ({@link ShotSelector}); all shots when empty
 * @param takes takes per shot, overriding each shot's {@code takes:}
 * @param jobs renders at once over all backends
 * @param budget the most this build may spend, in the studio's currency
 * @param retryBase the first retry delay; later ones double, with jitter
 * @param worker this process's name in the queue and the event log
 * @param farm how the shared queue is timed (slate.yaml's {@code farm:}); empty: the defaults of the store's database
 */
public record BuildOptions(Optional<String> backend, Optional<String> shots, Optional<Integer> takes, int jobs,
        OptionalDouble budget, Duration retryBase, String worker, Optional<FarmSettings> farm) {
    public BuildOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(shots, "shots");
        Objects.requireNonNull(takes, "takes");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs < 1");
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(farm, "farm");
    }

    /** Options with the queue's default timing. */
    public BuildOptions(Optional<String> backend, Optional<String> shots, Optional<Integer> takes, int jobs,
            OptionalDouble budget, Duration retryBase, String worker) {
        this(backend, shots, takes, jobs, budget, retryBase, worker, Optional.empty());
    }

    /** The queue's timing for a store on {@code dialect}: the one given, else that database's defaults. */
    public FarmSettings farmOn(String dialect) {
        return farm.orElseGet(() -> FarmSettings.defaults(dialect));
    }

    public BuildOptions withFarm(FarmSettings settings) {
        return new BuildOptions(backend, shots, takes, jobs, budget, retryBase, worker, Optional.of(settings));
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Math.max(1, Runtime.getRuntime().availableProcessors()), OptionalDouble.empty(),
                Duration.ofMillis(500), Worker.name());
    }

    public BuildOptions withJobs(int n) {
        return new BuildOptions(backend, shots, takes, n, budget, retryBase, worker, farm);
    }

    public BuildOptions withShots(String selector) {
        return new BuildOptions(backend, Optional.of(selector), takes, jobs, budget, retryBase, worker, farm);
    }

    public BuildOptions withBudget(double amount) {
        return new BuildOptions(backend, shots, takes, jobs, OptionalDouble.of(amount), retryBase, worker, farm);
    }

    public BuildOptions withRetryBase(Duration base) {
        return new BuildOptions(backend, shots, takes, jobs, budget, base, worker, farm);
    }
}
