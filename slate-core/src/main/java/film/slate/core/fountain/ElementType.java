package film.slate.core.fountain;

/** Placeholder until the Fountain parser lands from its branch. */
public enum ElementType {
    SCENE_HEADING, ACTION, CHARACTER, DIALOGUE, PARENTHETICAL, TRANSITION, CENTERED, LYRICS, NOTE, BONEYARD,
    SECTION, SYNOPSIS, PAGE_BREAK
}
