package film.slate.core.breakdown;

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

    /** No bible and no shot plans: a breakdown of the screenplay alone. */
    public static BreakdownInputs none() {
        return new BreakdownInputs(List.of(), List.of(), Map.of());
    }
}
