package film.slate.core.plan;

/**
 * Why a scene cannot be planned, as one sentence for the person at the keyboard. {@code badInput}
 * separates "no such scene" (the command line is wrong) from a scene whose constraints cannot all
 * be met.
 */
public final class PlanProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    PlanProblem(String sentence, boolean badInput) {
        super(sentence);
        this.badInput = badInput;
    }

    public boolean badInput() {
        return badInput;
    }
}
