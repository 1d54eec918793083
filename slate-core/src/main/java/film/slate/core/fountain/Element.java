package film.slate.core.fountain;

import film.slate.core.diagnostic.SourcePosition;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One element of a screenplay body, where it starts, and what its syntax said about it.
 *
 * @param type what the element is
 * @param text the text as written, emphasis markers kept, without the syntax that made the type
 *     (no {@code .}, {@code !}, {@code @}, {@code ^}, {@code >}, {@code ~}, {@code #}, {@code =},
 *     no scene number); lines of a multi-line element are joined with {@code \n}
 * @param position file, line and column of the first character of the element
 * @param sceneNumber the forced scene number of a heading ({@code 1A} for {@code #1A#})
 * @param depth the depth of a section ({@code 1} for {@code #}, {@code 2} for {@code ##})
 * @param dual {@code left} or {@code right} for the two speeches of dual dialogue
 * @param forced true when a prefix forced the type
 * @param extension a character's extension without parentheses ({@code V.O.}); several are joined
 *     with a space
 * @param name a character cue without its extension ({@code MARA}), as written
 */
public record Element(ElementType type, String text, SourcePosition position, Optional<String> sceneNumber,
        OptionalInt depth, Optional<String> dual, boolean forced, Optional<String> extension,
        Optional<String> name) {

    public Element {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(sceneNumber, "sceneNumber");
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(dual, "dual");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(name, "name");
    }

    /** A plain element of the given type: no number, depth, dual side, extension or name. */
    public static Element of(ElementType type, String text, SourcePosition position, boolean forced) {
        return new Element(type, text, position, Optional.empty(), OptionalInt.empty(), Optional.empty(), forced,
                Optional.empty(), Optional.empty());
    }

    /** A scene heading with an optional forced scene number. */
    public static Element heading(String text, SourcePosition position, Optional<String> sceneNumber,
            boolean forced) {
        return new Element(ElementType.SCENE_HEADING, text, position, sceneNumber, OptionalInt.empty(),
                Optional.empty(), forced, Optional.empty(), Optional.empty());
    }

    /** A section of the given depth. */
    public static Element section(String text, SourcePosition position, int depth) {
        return new Element(ElementType.SECTION, text, position, Optional.empty(), OptionalInt.of(depth),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    /** A character cue. */
    public static Element character(String text, SourcePosition position, String name, Optional<String> extension,
            boolean forced) {
        return new Element(ElementType.CHARACTER, text, position, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), forced, extension, Optional.of(name));
    }

    /** A character cue as written ({@code MARA (V.O.)}), split into name and extension as Fountain does. */
    public static Element cue(String text, SourcePosition position) {
        String cue = Space.trim(text);
        return character(cue, position, Body.cueName(cue), Body.cueExtension(cue), false);
    }

    /** This element as one side of dual dialogue. */
    public Element withDual(String side) {
        return new Element(type, text, position, sceneNumber, depth, Optional.of(side), forced, extension, name);
    }

    public boolean is(ElementType t) {
        return type == t;
    }

    public int line() {
        return position.line();
    }
}
