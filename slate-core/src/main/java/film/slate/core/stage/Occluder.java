package film.slate.core.stage;

/**
 * What stands between the lens and a subject's face: a character of the cast or a piece of the
 * set ({@code piece}), by id.
 */
public record Occluder(String id, boolean piece) {
    /** How a sentence names it: "TOM", or "the set piece TABLE". */
    public String named() {
        return piece ? "the set piece " + id : id;
    }
}
