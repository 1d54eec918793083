package film.slate.store.db;

/**
 * A stored recipe whose text does not hash to its id: the row was damaged after it was written
 * (a recipe's id is the SHA-256 of its canonical text, so the text no longer says what the takes
 * made from it were made from). Read under its own hash it would render, or explain, another take;
 * so it is refused with one sentence, as a damaged object is ({@code StoreException}: exit 4).
 */
public final class DamagedRecipeException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String recipe;
    private final String shot;
    private final int take;
    private final String backend;

    public DamagedRecipeException(String recipe, String shot, int take, String backend) {
        super(sentence(recipe, shot, take));
        this.recipe = recipe;
        this.shot = shot;
        this.take = take;
        this.backend = backend;
    }

    /** The sentence for a person: which recipe, and what to run. */
    public static String sentence(String recipe, String shot, int take) {
        return "the stored recipe " + recipe.substring(0, Math.min(12, recipe.length())) + " (take " + shot + "#" + take
                + ") is damaged: its text does not hash to its id; run 'slate verify' to list the damage"
                + " ('slate verify --repair' restores it from its object, or 'slate build' stores it again)";
    }

    /** The recipe's id (the row's key). */
    public String recipe() {
        return recipe;
    }

    public String shot() {
        return shot;
    }

    public int take() {
        return take;
    }

    public String backend() {
        return backend;
    }
}
