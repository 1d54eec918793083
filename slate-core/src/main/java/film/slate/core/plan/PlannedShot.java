package film.slate.core.plan;

import film.slate.core.model.Aim;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import java.util.List;

/**
 * One shot of a plan, as it is written to the shots file, with the idiom it covers, the partner of a
 * single or over-the-shoulder (the one looked at; empty otherwise) and why its camera stands where it does.
 */
public record PlannedShot(String id, Idiom idiom, Framing framing, List<String> subjects, Point at, double height,
        double lens, Aim lookAt, double duration, String action, List<Integer> lines, String partner, String why) {
    public PlannedShot {
        subjects = List.copyOf(subjects);
        lines = List.copyOf(lines);
    }
}
