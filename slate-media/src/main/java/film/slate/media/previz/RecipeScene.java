package film.slate.media.previz;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Character;
import film.slate.core.model.Location;
import film.slate.core.model.Move;
import film.slate.core.model.Positions;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.model.Style;
import film.slate.core.model.VideoFormat;
import film.slate.core.recipe.RecipeContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The scene of one take as previz draws it, made from the recipe alone: the shot's camera and
 * move, the cast's marks, postures, stand-ins and props at either end, the props on the set, the
 * location's size, kind and set pieces, and the time of day. Nothing else of the production is known here (names,
 * descriptions and references are left blank), which is exactly what makes a previz take a
 * function of its recipe.
 */
record RecipeScene(ScenePlan scene, ShotState state, Bible bible, VideoFormat format) {
    private static final Positions NOWHERE = Positions.of(SourcePosition.ofFile("recipe.json"));

    static RecipeScene of(RecipeContent r) {
        String full = r.shot();
        int slash = full.lastIndexOf('/');
        String sceneId = slash < 0 ? "" : full.substring(0, slash);
        RecipeContent.CameraSetup c = r.camera();
        RecipeContent.CameraMove m = r.move();
        Shot shot = new Shot(sceneId, full.substring(slash + 1), r.framing(), List.of(),
                new Camera(c.at(), c.height(), c.lens(), c.lookAt(), NOWHERE),
                new Move(m.type(), m.to(), m.height(), m.lookAt(), m.degrees(), m.amplitude(), NOWHERE),
                r.format().duration(), r.action(), List.of(), Map.of(), List.of(), 1, OptionalLong.empty(), false,
                NOWHERE);
        Map<String, CharacterState> start = new LinkedHashMap<>();
        Map<String, CharacterState> end = new LinkedHashMap<>();
        Map<String, Character> characters = new LinkedHashMap<>();
        for (RecipeContent.CastMark mark : r.cast()) {
            start.put(mark.id(), new CharacterState(mark.id(), mark.at(), mark.facing(), Optional.empty(), mark.holds(),
                    mark.stance().posture(), mark.stance().seat()));
            mark.end().ifPresent(e -> end.put(mark.id(), new CharacterState(mark.id(), e.at(), e.facing(),
                    Optional.empty(), e.holds(), e.stance().posture(), e.stance().seat())));
            mark.standIn().ifPresent(s -> characters.put(mark.id(), new Character(mark.id(), mark.id(), "", s.height(),
                    s.color(), List.of(), Map.of(), NOWHERE)));
        }
        RecipeContent.Place place = r.location();
        Map<String, Location> locations = new LinkedHashMap<>();
        place.bible().ifPresent(l -> locations.put(place.id(), new Location(place.id(), l.heading(), "", l.width(),
                l.depth(), List.of(), NOWHERE, l.set())));
        ScenePlan scene = new ScenePlan("recipe.json", sceneId, false, place.id(), place.time(), Optional.empty(),
                Map.of(), List.of(shot), NOWHERE);
        Bible bible = new Bible(characters, locations, Map.of(), new Style("", "", "", List.of(), NOWHERE));
        RecipeContent.Format f = r.format();
        return new RecipeScene(scene, new ShotState(shot, start, end, r.set(), r.setEnd(),
                place.bible().map(RecipeContent.PlaceLook::set).orElse(List.of())), bible,
                new VideoFormat(f.fps(), f.width(), f.height()));
    }
}
