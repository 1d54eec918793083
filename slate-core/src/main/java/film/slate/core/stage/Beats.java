package film.slate.core.stage;

/**
 * The timing of one character's shot: a posture other than standing is left in the first
 * {@code rise} of the shot (standing up to walk) and taken in the last {@code settle} (sitting down
 * where the walk ends), and the walk fills what is between, eased. Without a walk, a change of
 * posture on the spot takes {@code length} from {@code changeAt} (getting up at the start, sitting
 * down at the end); {@code changeAt} is negative when there is none.
 */
record Beats(double rise, double settle, double changeAt, double length) {
    /** How long standing up or sitting down takes, in seconds (the whole shot, when it is shorter). */
    static final double CHANGE_SECONDS = 1.2;

    /** The share of the shot spent walking. */
    double walking() {
        return Math.max(1e-9, 1 - rise - settle);
    }

    /** Linear progress of the walk at {@code t}, in [0, 1]: exactly {@code t} when the posture never changes. */
    double walk(double t) {
        if (rise == 0 && settle == 0) {
            return Math.max(0, Math.min(1, t));
        }
        return Math.max(0, Math.min(1, (t - rise) / walking()));
    }

    /** Eased progress of a change of posture on the spot at {@code t}. */
    double change(double t) {
        return changeAt < 0 ? 0 : Ease.inOut((t - changeAt) / length);
    }
}
