package film.slate.engine.build;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A take as {@code slate status} reports it: its {@link Phase}, the latest version and, when stale,
 * the recipe fields that changed.
 */
public record TakeState(String shot, int take, String recipe, Phase phase, int version, Optional<String> master,
        Optional<String> reason, List<String> changed) {
    public TakeState {
        changed = List.copyOf(changed);
    }

    /** Where a take stands, most pressing first: a shot shows the first phase any of its takes is in. */
    public enum Phase {
        FAILED, RENDERING, QUEUED, STALE, MISSING, RENDERED;

        /** The word status prints and its JSON holds ({@code rendered}, {@code stale}, ...). */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The phase's word, as FORMAT.md's status JSON names it. */
    public String state() {
        return phase.word();
    }
}
