package film.slate.core.breakdown;

import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a breakdown takes from the bible and the shot plans.
 *
 * @param props bible prop ids ({@code LANTERN}, {@code OLD_MAP}); a prop is named in a scene when its
 *     id, with underscores as spaces, appears there as a word in any case (a plural {@code s} allowed)
 * @param characters bible character ids, looked for in action beside the speaking characters
 * @param shotsByScene planned shots by scene number ({@code "1"}, {@code "1A"})
 */
public record BreakdownInputs(List<String> props, List<String> characters, Map<String, PlannedShots> shotsByScene) {

    public BreakdownInputs {
        props = List.copyOf(props);
        characters = List.copyOf(characters);
        shotsByScene = Map.copyOf(shotsByScene);
    }

    /** The bible's props and characters and each scene's planned shots, as the production model has them. */
    public static BreakdownInputs of(Production production) {
        Map<String, PlannedShots> shots = new LinkedHashMap<>();
        for (ScenePlan plan : production.scenes()) {
            PlannedShots planned = new PlannedShots(plan.shots().size(),
                    plan.shots().stream().mapToDouble(Shot::duration).sum());
            shots.merge(plan.scene(), planned, (a, b) -> new PlannedShots(a.count() + b.count(), a.seconds() + b.seconds()));
        }
        return new BreakdownInputs(List.copyOf(production.bible().props().keySet()),
                List.copyOf(production.bible().characters().keySet()), shots);
    }

    /** No bible and no shot plans: a breakdown of the screenplay alone. */
    public static BreakdownInputs none() {
        return new BreakdownInputs(List.of(), List.of(), Map.of());
    }
}
