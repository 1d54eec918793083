package film.slate.core.plan;

import film.slate.core.model.Aim;
import film.slate.core.model.Axis;
import film.slate.core.model.CastMember;
import film.slate.core.model.ScenePlan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as a shots file in the production format, every camera written out (so the file checks
 * and renders on its own), each with a comment naming its idiom. Numbers are rounded the way the
 * solver rounded them before it measured, so what is written is what was checked.
 */
final class ShotsText {
    private ShotsText() {
    }

    static String write(SceneSetup setup, PlanStyle style, List<PlannedShot> shots, List<String> notes) {
        StringBuilder y = new StringBuilder();
        y.append("# Drafted by 'slate plan ").append(setup.number()).append(" --style ").append(style.word())
                .append("': ").append(shots.size()).append(shots.size() == 1 ? " shot" : " shots")
                .append(". 'slate plan --explain SHOT' says why each camera stands where it does.\n");
        for (String note : notes) {
            y.append("# Note: ").append(oneLine(note)).append('\n');
        }
        y.append("scene: ").append(setup.number()).append('\n');
        if (setup.existing().map(ScenePlan::continues).orElse(false)) {
            y.append("continues: true\n");
        }
        if (!setup.location().isEmpty()) {
            y.append("location: ").append(setup.location()).append('\n');
        }
        if (!setup.time().isEmpty()) {
            y.append("time: ").append(setup.time()).append('\n');
        }
        y.append("axis: ").append(axis(setup.axis())).append('\n');
        y.append("cast:\n");
        for (CastMember m : setup.cast().values()) {
            y.append("  ").append(m.character()).append(": { ");
            m.wardrobe().ifPresent(w -> y.append("wardrobe: ").append(w).append(", "));
            y.append("at: ").append(m.at()).append(", facing: ").append(Explain.fmt(m.facing()));
            if (!m.holds().isEmpty()) {
                y.append(", holds: [").append(String.join(", ", m.holds())).append(']');
            }
            y.append(" }\n");
        }
        y.append("shots:\n");
        for (PlannedShot s : shots) {
            shot(y, s);
        }
        return y.toString();
    }

    private static void shot(StringBuilder y, PlannedShot s) {
        y.append("  - id: ").append(s.id()).append('\n');
        y.append("    framing: ").append(s.framing()).append('\n');
        y.append("    subjects: [").append(String.join(", ", s.subjects())).append("]\n");
        y.append("    camera: { at: ").append(s.at()).append(", height: ").append(Explain.fmt(s.height()))
                .append(", lens: ").append(Explain.fmt(s.lens())).append(", look_at: ").append(aim(s.lookAt()))
                .append(" }   # ").append(idiom(s)).append('\n');
        y.append("    duration: ").append(Explain.fmt(s.duration())).append('\n');
        if (!s.action().isBlank()) {
            y.append("    action: ").append(quoted(s.action())).append('\n');
        }
        if (!s.lines().isEmpty()) {
            y.append("    lines: [").append(s.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
    }

    private static String idiom(PlannedShot s) {
        return switch (s.idiom()) {
            case MASTER -> "master";
            case TWO -> "two: [" + String.join(", ", s.subjects().subList(0, Math.min(2, s.subjects().size()))) + "]";
            case OTS -> "ots: [" + s.subjects().get(1) + ", " + s.subjects().get(0) + "]";
            case SINGLE -> "single: " + s.subjects().get(0);
            case REACTION -> "reaction: " + s.subjects().get(0);
            case INSERT -> "insert: " + s.subjects().get(0);
        };
    }

    private static String axis(Axis axis) {
        if (axis instanceof Axis.Between b) {
            return "[" + b.first() + ", " + b.second() + "]";
        }
        Axis.Line l = (Axis.Line) axis;
        return "{ from: " + l.from() + ", to: " + l.to() + " }";
    }

    private static String aim(Aim aim) {
        if (aim.character().isPresent()) {
            return aim.character().get();
        }
        String p = aim.point().orElseThrow().toString();
        return aim.z().isPresent() ? p.substring(0, p.length() - 1) + ", " + Explain.fmt(aim.z().getAsDouble()) + "]" : p;
    }

    /** A double-quoted YAML scalar: backslash and quote escaped, control characters dropped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : oneLine(text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
