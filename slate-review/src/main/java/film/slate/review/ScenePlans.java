package film.slate.review;

import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.media.board.FloorPlan;
import film.slate.media.previz.Previz;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor plan of each scene as the storyboard draws it ({@link FloorPlan}), for the shot page.
 * Each scene's plan is drawn once per edition of the production (an edited scene file draws it again).
 */
final class ScenePlans {
    private final Room room;
    /** Edition number and scene to the drawing. */
    private final Map<String, String> drawn = new ConcurrentHashMap<>();

    ScenePlans(Room room) {
        this.room = room;
    }

    /** The SVG of scene {@code scene}'s floor plan; a scene the production lacks is 404. */
    String svg(String scene) {
        Edition edition = room.edition().get();
        Production production = edition.production();
        ScenePlan plan = production.scenes().stream().filter(s -> s.scene().equals(scene)).findFirst()
                .orElseThrow(Refusal::notFound);
        String key = edition.number() + "/" + plan.scene();
        if (!drawn.containsKey(key)) {
            drawn.keySet().removeIf(k -> !k.startsWith(edition.number() + "/")); // drawings of older editions
        }
        return drawn.computeIfAbsent(key, s -> new FloorPlan(Previz.of(production), plan).svg());
    }

    /** Where the page finds a scene's plan. */
    static String route(String scene) {
        return "/api/plan?scene=" + java.net.URLEncoder.encode(scene, java.nio.charset.StandardCharsets.UTF_8);
    }
}
