package film.slate.core.screenplay;

import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.fountain.Element;
import java.util.List;
import java.util.Objects;

/**
 * One scene of the screenplay.
 *
 * @param ordinal 1-based place in the screenplay
 * @param number the forced scene number ({@code #1A#}) when there is one, else the ordinal
 * @param heading the heading as written, without its scene number
 * @param setting the heading without its time of day ({@code INT. LIGHTHOUSE - LAMP ROOM}) and
 *     qualifiers ({@code FLASHBACK}, a year), what a bible location's {@code heading} matches
 * @param location the setting without INT./EXT. and bracketed notes ({@code LIGHTHOUSE - LAMP ROOM}), as
 *     a breakdown groups it
 * @param interior {@code INT}, {@code EXT}, {@code INT/EXT}, or empty when the heading has no prefix
 * @param time the resolved time of day (FORMAT.md): DAY, NIGHT, LATE AFTERNOON, ...; CONTINUOUS,
 *     MOMENTS LATER, SAME and LATER take the previous scene's; empty when there is none
 * @param carriedOver the heading's word when {@code time} is the previous scene's ({@code CONTINUOUS}),
 *     else empty
 * @param position where the heading is
 * @param dialogue the speeches of the scene in order
 * @param elements the scene's elements, from its heading up to the next heading
 */
public record ScriptScene(int ordinal, String number, String heading, String setting, String location,
        String interior, String time, String carriedOver, SourcePosition position, List<DialogueBlock> dialogue,
        List<Element> elements) {

    public ScriptScene {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(interior, "interior");
        Objects.requireNonNull(carriedOver, "carriedOver");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(position, "position");
        dialogue = List.copyOf(dialogue);
        elements = List.copyOf(elements);
    }
}
