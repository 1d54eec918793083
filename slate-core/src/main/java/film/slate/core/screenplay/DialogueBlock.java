package film.slate.core.screenplay;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fountain.Element;
import java.util.Objects;

/**
 * One speech of a scene: a character cue and what follows it.
 *
 * @param index 1-based within the scene, in screenplay order (the {@code lines:} of a shot plan);
 *     the two speeches of dual dialogue are two blocks
 * @param character the upper-case character id, the cue without its extension ({@code MARA})
 * @param text the spoken (or sung) words only, parentheticals excluded, lines joined by a space
 * @param words how many words {@code text} has (tokens with a letter or digit)
 * @param position where the cue is
 * @param cue the cue element itself
 */
public record DialogueBlock(int index, String character, String text, int words, SourcePosition position,
        Element cue) {

    public DialogueBlock {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(cue, "cue");
    }

    /** Words of a text: whitespace-separated tokens that hold at least one letter or digit. */
    public static int countWords(String text) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                words++;
                counted = true;
            }
        }
        return words;
    }
}
