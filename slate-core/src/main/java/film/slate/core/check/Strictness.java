package film.slate.core.check;

/**
 * How hard rights rules bite: a warning while the film is being made, an error when a cut is
 * delivered (FORMAT.md: rights rules are "warning at check, error at delivery").
 */
public enum Strictness {
    CHECK, DELIVERY
}
