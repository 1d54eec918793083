package film.slate.core.screenplay;

import film.slate.core.fountain.Element;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which scene a heading starts and which dialogue block a cue starts, for listing a screenplay
 * element by element with the numbers a shots file uses (taken from {@link ScriptScene#dialogue()}).
 */
public final class DialogueNumbers {
    private final Map<Element, ScriptScene> scenes = new IdentityHashMap<>();
    private final Map<Element, DialogueBlock> blocks = new IdentityHashMap<>();

    private DialogueNumbers() {
    }

    public static DialogueNumbers of(Screenplay screenplay) {
        DialogueNumbers n = new DialogueNumbers();
        for (ScriptScene s : screenplay.scenes()) {
            n.scenes.put(s.elements().get(0), s);
            for (DialogueBlock b : s.dialogue()) {
                n.blocks.put(b.cue(), b);
            }
        }
        return n;
    }

    /** The scene whose heading this element is. */
    public Optional<ScriptScene> scene(Element heading) {
        return Optional.ofNullable(scenes.get(heading));
    }

    /** The dialogue block whose cue this element is. */
    public Optional<DialogueBlock> block(Element cue) {
        return Optional.ofNullable(blocks.get(cue));
    }
}
