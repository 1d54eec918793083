package film.slate.core.fountain;

import java.util.Locale;

/** The kinds of Fountain element; {@link #jsonName()} is the name every output format uses. */
public enum ElementType {
    SCENE_HEADING, ACTION, CHARACTER, DIALOGUE, PARENTHETICAL, TRANSITION, CENTERED, LYRICS, NOTE, BONEYARD,
    SECTION, SYNOPSIS, PAGE_BREAK;

    private final String jsonName = name().toLowerCase(Locale.ROOT);

    /** {@code scene_heading}, {@code action}, ...: the contract of {@code slate script --format json}. */
    public String jsonName() {
        return jsonName;
    }

    /** True for the elements that belong to a speech: cue, dialogue, parenthetical, sung lines. */
    public boolean isSpeech() {
        return this == CHARACTER || this == DIALOGUE || this == PARENTHETICAL;
    }

    /** True for the elements that never print: notes, boneyard, sections and synopses. */
    public boolean isHidden() {
        return this == NOTE || this == BONEYARD || this == SECTION || this == SYNOPSIS;
    }
}
