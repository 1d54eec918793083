package film.slate.core.plan;

import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.read.ReadProduction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The solve step between reading a production and everything that uses it (check, recipes, previz,
 * board): every camera written by intent ({@code {single: ELSIE}}, {@code {ots: [JONAH, ELSIE]}},
 * ...) is placed by {@link CameraSolver} on the floor plan at the shot's framing, on the side of the
 * action line the scene keeps, deterministically. The shot then holds the solved camera (so its
 * recipe does, and only a changed solution re-renders); a camera that cannot be placed is one
 * finding at its line and the shot is left out, as a shot with an unreadable camera is.
 * Directions written as names ({@code facing: ELSIE}, {@code look_at: WATCH}) are settled first
 * ({@link Directions}). The reader cannot call this itself: the planner sits above the checker,
 * which sits above the reader.
 */
public final class CameraIntents {
    /** The production with its cameras placed, and for each placed shot (by full id) where it stands and why. */
    public record Solved(ReadProduction read, Map<String, String> why) {
    }

    private CameraIntents() {
    }

    public static ReadProduction solve(ReadProduction read) {
        return solved(read).read();
    }

    public static Solved solved(ReadProduction read) {
        Production p = read.production();
        boolean named = Directions.any(p);
        if (!named && p.shots().stream().noneMatch(s -> s.camera().intent().isPresent())) {
            return new Solved(read, Map.of());
        }
        Diagnostics d = new Diagnostics();
        d.addAll(read.diagnostics());
        p = named ? Directions.resolve(p, d) : p; // where a prop is depends on which way its holder faces
        Continuity continuity = Continuity.of(p);
        Map<String, String> why = new LinkedHashMap<>();
        List<ScenePlan> scenes = new ArrayList<>();
        for (ScenePlan scene : p.scenes()) {
            boolean any = scene.shots().stream().anyMatch(s -> s.camera().intent().isPresent());
            scenes.add(any ? new SceneIntents(p, continuity, scene, d, why).solve() : scene);
        }
        Production solved = new Production(p.root(), p.manifest(), p.screenplay(), p.bible(), scenes, p.rights());
        return new Solved(new ReadProduction(solved, d.sorted()), why);
    }

    /** Whether a shot's camera was written by intent. */
    static boolean byIntent(Shot shot) {
        return shot.camera().intent().isPresent();
    }
}
