package film.slate.store.db;

import java.util.List;
import java.util.Objects;

/**
 * A process that renders from the shared queue, as the {@code workers} table holds it.
 *
 * @param name its name in the queue ({@code user@host:pid}, or {@code --name})
 * @param host the machine it runs on
 * @param backends the backends it renders for
 * @param jobs renders it runs at once
 * @param state {@code running}, {@code stopping} or {@code stopped}
 * @param startedAt when it started (database clock, epoch ms)
 * @param heartbeatAt when it last said it was alive (database clock, epoch ms)
 * @param rendering what it renders now: {@code SHOT#TAKE} of each render its queue entries hold
 */
public record WorkerRecord(String name, String host, List<String> backends, int jobs, String state, long startedAt,
        long heartbeatAt, List<String> rendering) {
    public WorkerRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        backends = List.copyOf(backends);
        Objects.requireNonNull(state, "state");
        rendering = List.copyOf(rendering);
    }
}
