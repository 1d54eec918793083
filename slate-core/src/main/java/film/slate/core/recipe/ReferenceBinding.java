package film.slate.core.recipe;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Bible;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Location;
import film.slate.core.model.Prop;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The reference files one shot binds by the keys of {@link ReferenceKey}: the first reference of
 * what each key names, by hash, so that replacing a file changes exactly the recipes that bind it.
 * Whatever the shot does not show, or the bible has no image of, is a blank of the format's size,
 * and the recipe says why (the same words for every such shot, so the blank is the same too).
 */
final class ReferenceBinding {
    static final String NOT_IN_FRAME = "not in frame";
    static final String NO_IMAGE = "no reference image";
    static final String NOT_IN_BIBLE = "not in the bible";

    private final Bible bible;
    private final FileHashes files;
    private final Shot shot;
    private final ShotState state;
    private final Optional<Location> location;

    ReferenceBinding(Bible bible, FileHashes files, Shot shot, ShotState state, Optional<Location> location) {
        this.bible = bible;
        this.files = files;
        this.shot = shot;
        this.state = state;
        this.location = location;
    }

    /** The bound files of {@code keys} that are reference keys, in key order. */
    List<RecipeContent.Bound> bind(Collection<String> keys) {
        List<RecipeContent.Bound> out = new ArrayList<>();
        for (String key : keys) {
            ReferenceKey.parse(key).ifPresent(k -> out.add(bound(k)));
        }
        return out;
    }

    private RecipeContent.Bound bound(ReferenceKey k) {
        if (k instanceof ReferenceKey.OfCharacter c) {
            return shot.subjects().contains(c.character()) && onSet(c.character()) ? subject(k.key(), c.character())
                    : RecipeContent.Bound.blank(k.key(), c.character() + " " + NOT_IN_FRAME);
        }
        if (k instanceof ReferenceKey.OfSubject s) {
            return s.n() <= shot.subjects().size() ? subject(k.key(), shot.subjects().get(s.n() - 1))
                    : RecipeContent.Bound.blank(k.key(), "subject " + s.n() + " " + NOT_IN_FRAME);
        }
        if (k instanceof ReferenceKey.OfProp p) {
            return propInFrame(p.prop()) ? prop(k.key(), p.prop())
                    : RecipeContent.Bound.blank(k.key(), p.prop() + " " + NOT_IN_FRAME);
        }
        return first(k.key(), "the location", location.map(Location::refs));
    }

    /** A subject of the shot: a character as worn now, or a prop (an insert's subject). */
    private RecipeContent.Bound subject(String key, String id) {
        Character ch = bible.characters().get(id);
        if (ch == null) {
            return bible.props().containsKey(id) ? prop(key, id) : RecipeContent.Bound.blank(key, id + " " + NOT_IN_BIBLE);
        }
        if (!onSet(id)) {
            return RecipeContent.Bound.blank(key, id + " " + NOT_IN_FRAME); // off set: not entered yet, or gone
        }
        Optional<String> wardrobe = state.atStart(id).flatMap(CharacterState::wardrobe);
        return first(key, id, Optional.of(ch.refsIn(wardrobe)));
    }

    private RecipeContent.Bound prop(String key, String id) {
        return first(key, id, Optional.ofNullable(bible.props().get(id)).map(Prop::refs));
    }

    private RecipeContent.Bound first(String key, String who, Optional<List<FileRef>> refs) {
        if (refs.isEmpty()) {
            return RecipeContent.Bound.blank(key, who + " " + NOT_IN_BIBLE);
        }
        if (refs.get().isEmpty()) {
            return RecipeContent.Bound.blank(key, who + " has " + NO_IMAGE);
        }
        String path = refs.get().get(0).path();
        return RecipeContent.Bound.of(key, new RecipeContent.Ref(path, files.of(path)));
    }

    /** Whether a character is on set during the shot (entrances and exits leave them off it). */
    private boolean onSet(String character) {
        return state.atStart(character).isPresent();
    }

    /** A prop is in frame when it is a subject, in a subject's hand at the start, or handled by a subject. */
    private boolean propInFrame(String prop) {
        if (shot.subjects().contains(prop)) {
            return true;
        }
        for (String s : shot.subjects()) {
            if (state.atStart(s).map(c -> c.holds().contains(prop)).orElse(false)) {
                return true;
            }
        }
        for (ShotEvent e : shot.events()) {
            if (e.object().equals(prop) && shot.subjects().contains(e.character())) {
                return true;
            }
        }
        return false;
    }
}
