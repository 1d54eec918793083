package film.slate.core.plan;

import film.slate.core.model.Shot;
import java.util.List;
import java.util.Optional;

/**
 * One shot to place: the idiom, who it is about (first the one it frames, then a partner: the
 * shoulder of an over-the-shoulder, the listener of a single), the dialogue blocks spoken in it,
 * its length and its action. {@code written} is the shot of a camera by intent: its framing is
 * the one to give, and its blocking and moves are staged as written.
 */
record Beat(Idiom idiom, List<String> subjects, List<Integer> lines, double duration, String action,
        Optional<Shot> written) {
    Beat {
        subjects = List.copyOf(subjects);
        lines = List.copyOf(lines);
    }

    Beat(Idiom idiom, List<String> subjects, List<Integer> lines, double duration, String action) {
        this(idiom, subjects, lines, duration, action, Optional.empty());
    }

    Beat as(Idiom other, List<String> who) {
        return new Beat(other, who, lines, duration, action, written);
    }
}
