package film.slate.review;

import film.slate.core.model.Production;
import film.slate.core.recipe.Recipe;
import java.util.List;
import java.util.Map;

/**
 * The production as the room last read it: its model, the recipes compiled from it for its
 * backend, and the check's findings per shot ({@code SEVERITY RULE: message}). A new edition is
 * made only when a file of the production changed; {@code number} tells editions apart.
 */
public record Edition(long number, Production production, String backend, List<Recipe> recipes,
        Map<String, List<String>> findings) {
    public Edition {
        recipes = List.copyOf(recipes);
        findings = Map.copyOf(findings);
    }
}
