package film.slate.engine.build;

import java.util.List;
import java.util.Optional;

/**
 * A take as {@code slate status} reports it: {@code missing}, {@code queued}, {@code rendering},
 * {@code failed}, {@code rendered} or {@code stale}, with the latest version and, when stale, the
 * recipe fields that changed.
 */
public record TakeState(String shot, int take, String recipe, String state, int version, Optional<String> master,
        Optional<String> reason, List<String> changed) {
    public TakeState {
        changed = List.copyOf(changed);
    }
}
