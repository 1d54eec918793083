package film.slate.core.plan;

/** The coverage set-ups a director of photography reaches for, and the order the solver falls back through. */
public enum Idiom {
    /** The whole cast, wide, on the camera side of the line. */
    MASTER,
    /** Two characters together, from square on to their line. */
    TWO,
    /** Over the listener's shoulder onto the speaker: the external reverse of the triangle system. */
    OTS,
    /** The speaker alone from inside the pair: the internal reverse. */
    SINGLE,
    /** The listener alone, tight, between lines. */
    REACTION,
    /** A prop, close. */
    INSERT
}
