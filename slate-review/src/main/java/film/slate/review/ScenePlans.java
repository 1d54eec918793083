package film.slate.review;

import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.media.board.FloorPlan;
import film.slate.media.previz.Previz;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor plan of each scene as the storyboard draws it ({@link FloorPlan}), for the shot page.
 * The room serves one production as it was read at start, so each scene's plan is drawn once.
 */
final class ScenePlans {
    private final Production production;
    private final Map<String, String> drawn = new ConcurrentHashMap<>();

    ScenePlans(Production production) {
        this.production = production;
    }

    /** The SVG of scene {@code scene}'s floor plan; a scene the production lacks is 404. */
    String svg(String scene) {
        ScenePlan plan = production.scenes().stream().filter(s -> s.scene().equals(scene)).findFirst()
                .orElseThrow(Refusal::notFound);
        return drawn.computeIfAbsent(plan.scene(), s -> new FloorPlan(Previz.of(production), plan).svg());
    }

    /** Where the page finds a scene's plan. */
    static String route(String scene) {
        return "/api/plan?scene=" + java.net.URLEncoder.encode(scene, java.nio.charset.StandardCharsets.UTF_8);
    }
}
