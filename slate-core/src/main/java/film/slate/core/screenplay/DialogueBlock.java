package film.slate.core.screenplay;

import film.slate.core.diagnostic.SourcePosition;

/** Placeholder until the screenplay model lands from its branch. */
public record DialogueBlock(int index, String character, String text, int words, SourcePosition position) {
}
