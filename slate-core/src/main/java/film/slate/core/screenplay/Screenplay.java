package film.slate.core.screenplay;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.fountain.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed screenplay cut into scenes. Elements before the first heading ({@code FADE IN:}) belong
 * to no scene.
 */
public record Screenplay(FountainDocument document, List<ScriptScene> scenes) {

    public Screenplay {
        Objects.requireNonNull(document, "document");
        scenes = List.copyOf(scenes);
    }

    /** Cuts a document into scenes, one per scene heading. */
    public static Screenplay of(FountainDocument document) {
        List<ScriptScene> scenes = new ArrayList<>();
        List<Element> all = document.elements();
        String previousTime = "";
        int i = 0;
        while (i < all.size() && !all.get(i).is(ElementType.SCENE_HEADING)) {
            i++;
        }
        while (i < all.size()) {
            int end = i + 1;
            while (end < all.size() && !all.get(end).is(ElementType.SCENE_HEADING)) {
                end++;
            }
            Element heading = all.get(i);
            List<Element> elements = all.subList(i, end);
            int ordinal = scenes.size() + 1;
            Headings.Read read = Headings.read(heading.text());
            String time = read.carriesOver() ? previousTime : read.time();
            scenes.add(new ScriptScene(ordinal, heading.sceneNumber().orElse(String.valueOf(ordinal)),
                    heading.text(), read.setting(), read.location(), read.interior(), time,
                    read.carriesOver() ? read.time() : "", heading.position(), dialogue(elements), elements));
            previousTime = time;
            i = end;
        }
        return new Screenplay(document, scenes);
    }

    /** The scene of that number ({@code "12"}, {@code "1A"}); the first one if numbers repeat. */
    public Optional<ScriptScene> scene(String number) {
        return scenes.stream().filter(s -> s.number().equals(number)).findFirst();
    }

    /**
     * The speeches of a run of elements: each cue and the dialogue and lyrics that follow it. This is
     * the one numbering of dialogue blocks: a shot's {@code lines:}, {@code slate check}, recipes and
     * {@code slate script} all use it, {@code (CONT'D)} cues and both sides of dual dialogue counted.
     */
    static List<DialogueBlock> dialogue(List<Element> elements) {
        List<DialogueBlock> blocks = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Element cue = elements.get(i);
            if (!cue.is(ElementType.CHARACTER)) {
                continue;
            }
            StringBuilder said = new StringBuilder();
            for (int j = i + 1; j < elements.size(); j++) {
                Element e = elements.get(j);
                if (e.is(ElementType.DIALOGUE) || e.is(ElementType.LYRICS)) {
                    if (said.length() > 0) {
                        said.append(' ');
                    }
                    said.append(e.text().replace('\n', ' ').strip());
                } else if (!(e.is(ElementType.PARENTHETICAL) || e.is(ElementType.NOTE)
                        || e.is(ElementType.BONEYARD))) {
                    break;
                }
            }
            String character = Space.trim(cue.name().orElse(cue.text())).toUpperCase(Locale.ROOT);
            String text = said.toString();
            blocks.add(new DialogueBlock(blocks.size() + 1, character, text, DialogueBlock.countWords(text),
                    cue.position(), cue));
        }
        return blocks;
    }
}
