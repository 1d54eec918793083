package film.slate.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * A drafted shot list for one scene: its shots in edit order, what the planner assumed (notes),
 * and the shots file text. {@code file} is the production-relative shots file the scene already
 * has, if any.
 */
public record Plan(String scene, PlanStyle style, List<PlannedShot> shots, List<String> notes, Optional<String> file,
        int existingShots, String yaml) {
    public Plan {
        shots = List.copyOf(shots);
        notes = List.copyOf(notes);
    }

    public Optional<PlannedShot> shot(String id) {
        String local = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
        return shots.stream().filter(s -> s.id().equals(local)).findFirst();
    }
}
