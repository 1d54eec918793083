package film.slate.core.plan;

import java.util.List;

/**
 * One shot to place: the idiom, who it is about (first the one it frames, then a partner: the
 * shoulder of an over-the-shoulder, the listener of a single), the dialogue blocks spoken in it,
 * its length and its action.
 */
record Beat(Idiom idiom, List<String> subjects, List<Integer> lines, double duration, String action) {
    Beat {
        subjects = List.copyOf(subjects);
        lines = List.copyOf(lines);
    }

    Beat as(Idiom other, List<String> who) {
        return new Beat(other, who, lines, duration, action);
    }
}
