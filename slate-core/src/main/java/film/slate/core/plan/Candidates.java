package film.slate.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The constraints a candidate camera must pass, in the order they are tried, and how many
 * candidates got past each: when none is left, the first constraint that no candidate passed is
 * the one the scene cannot meet, and that is what the planner says.
 */
final class Candidates {
    enum Gate {
        ROOM, CAST, LINE, FRAME, HIDDEN, SIZE, ORDER, GAZE, CUT
    }

    private final int[] passed = new int[Gate.values().length];
    private int tried;

    void count() {
        tried++;
    }

    void passed(Gate gate) {
        passed[gate.ordinal()]++;
    }

    /** The first gate no candidate passed, or empty when some candidate passed them all. */
    java.util.Optional<Gate> blocking() {
        for (Gate g : Gate.values()) {
            if (passed[g.ordinal()] == 0) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }

    int tried() {
        return tried;
    }

    /** Each gate and how many got past it, for --explain. */
    String funnel() {
        List<String> parts = new ArrayList<>();
        for (Gate g : Gate.values()) {
            parts.add(g.name().toLowerCase(Locale.ROOT) + " " + passed[g.ordinal()]);
        }
        return tried + " candidates; past " + String.join(", ", parts);
    }
}
