package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.report.QuickFix;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.ScriptScene;
import film.slate.core.stage.Staging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The smallest repair for each {@code grammar/*} and {@code timing/*} finding that has one: a shot
 * too short for its lines is lengthened to the next half second that holds them; a camera across
 * the action line is mirrored back across it (the same distance from the line, so the same shot
 * size), choosing the shot that is off the side the rest of the scene keeps; a jump cut turns the
 * camera round its subject, at the same distance, to 32 degrees off the shot before. Geometry is
 * the checker's own ({@link Staging}, {@link ActionLine}). {@code grammar/screen-direction} gets none:
 * which of two walks is wrong is the director's call.
 */
public final class QuickFixes {
    static final double TURN = 32;

    private final Production production;
    private final Continuity continuity;
    private final Function<String, Optional<String>> files;

    private QuickFixes(Production production, Function<String, Optional<String>> files) {
        this.production = production;
        this.continuity = Continuity.of(production);
        this.files = files;
    }

    /** Fixes for the findings that have one; {@code files} gives a production-relative file's text. */
    public static Map<Diagnostic, QuickFix> of(Production production, List<Diagnostic> found,
            Function<String, Optional<String>> files) {
        QuickFixes q = new QuickFixes(production, files);
        Map<Diagnostic, QuickFix> out = new LinkedHashMap<>();
        for (Diagnostic d : found) {
            Optional<Shot> shot = d.shot().flatMap(q::shot);
            if (shot.isEmpty()) {
                continue;
            }
            Optional<QuickFix> fix = switch (d.rule()) {
                case TIMING_DIALOGUE -> q.lengthen(shot.get());
                case GRAMMAR_180 -> q.acrossTheLine(shot.get());
                case GRAMMAR_30_DEGREE -> q.turn(shot.get());
                default -> Optional.empty();
            };
            fix.ifPresent(f -> out.put(d, f));
        }
        return out;
    }

    private Optional<Shot> shot(String fullId) {
        return production.shots().stream().filter(s -> s.fullId().equals(fullId)).findFirst();
    }

    private Optional<QuickFix> lengthen(Shot shot) {
        Optional<ScriptScene> scene = production.screenplay().flatMap(s -> s.scene(shot.scene()));
        if (scene.isEmpty()) {
            return Optional.empty();
        }
        int words = 0;
        for (int line : shot.lines()) {
            List<DialogueBlock> blocks = scene.get().dialogue();
            words += line <= blocks.size() ? blocks.get(line - 1).words() : 0;
        }
        double seconds = Coverage.round(words / Coverage.WORDS_PER_SECOND);
        String text = Explain.fmt(seconds);
        String why = "set the duration of shot " + shot.fullId() + " to " + text + " s, long enough for its " + words + " words";
        return scalar(shot.where().at("duration")).map(e -> new QuickFix(why, List.of(withText(e, text))));
    }

    private Optional<QuickFix> acrossTheLine(Shot after) {
        ScenePlan plan = production.scene(after.scene()).orElseThrow();
        int index = plan.shots().indexOf(after);
        if (plan.axis().isEmpty() || index < 1) {
            return Optional.empty();
        }
        int keep = majority(plan);
        Shot before = plan.shots().get(index - 1);
        boolean afterIsOff = side(plan, after, 0) != keep;
        Shot off = afterIsOff ? after : before;
        if (off.move().degrees().isPresent() || CameraIntents.byIntent(off)) {
            return Optional.empty(); // a pan or orbit by degrees is re-blocked by hand; a camera by intent has no point to edit
        }
        Staging staging = staging(off).orElseThrow();
        ActionLine line = ActionLine.of(plan.axis().get(), staging, 0).orElseThrow();
        var at = mirror(off.camera().at(), line);
        List<QuickFix.Edit> edits = new java.util.ArrayList<>();
        // Of a travelling camera, mirror the end that is off the side, and the other end too only if it is off as well.
        boolean startOff = side(plan, off, 0) != keep;
        boolean endOff = side(plan, off, 1) != keep;
        if (startOff || off.move().to().isEmpty()) {
            point(off.camera().where().at("at")).map(e -> withText(e, at.toString())).ifPresent(edits::add);
        }
        if (off.move().to().isPresent() && endOff) {
            ActionLine end = ActionLine.of(plan.axis().get(), staging, 1).orElseThrow();
            var to = mirror(off.move().to().get(), end);
            point(off.move().where().at("to")).map(e -> withText(e, to.toString())).ifPresent(edits::add);
        }
        off.camera().lookAt().point().flatMap(p -> point(off.camera().where().at("look_at"))
                .map(e -> withText(e, withZ(mirror(p, line).toString(), off.camera().lookAt().z())))).ifPresent(edits::add);
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuickFix("move the camera of shot " + off.fullId() + " across the action line "
                + line.label() + " to " + at + ", the same distance from it, so it stays on the side the scene keeps",
                edits));
    }

    private Optional<QuickFix> turn(Shot cur) {
        ScenePlan plan = production.scene(cur.scene()).orElseThrow();
        int index = plan.shots().indexOf(cur);
        if (index < 1 || cur.move().to().isPresent() || cur.move().degrees().isPresent() || CameraIntents.byIntent(cur)) {
            return Optional.empty();
        }
        Shot prev = plan.shots().get(index - 1);
        Staging now = staging(cur).orElseThrow();
        var subject = now.position(cur.subjects().get(0), 0).orElseThrow();
        var was = staging(prev).orElseThrow().camera(1).eye().plan();
        var at = cur.camera().at();
        double angle = CameraSolver.turn(subject, was, at);
        // Bearings turn clockwise, the cross product counter-clockwise: turning away from the shot before is against its sign.
        double away = -Math.signum(was.minus(subject).cross(at.minus(subject)));
        double by = (away == 0 ? 1 : away) * (TURN - angle);
        Optional<ActionLine> line = plan.axis().flatMap(a -> ActionLine.of(a, now, 0));
        var turned = rotate(at, subject, by);
        if (line.isPresent() && line.get().side(turned) != line.get().side(at)) {
            by = -Math.signum(by) * (TURN + angle); // the other way round, past the shot before, stays on this side
            turned = rotate(at, subject, by);
        }
        var result = turned;
        return point(cur.camera().where().at("at")).map(e -> new QuickFix("move the camera of shot " + cur.fullId()
                + " round " + cur.subjects().get(0) + " to " + result + ", " + (int) TURN + " degrees off shot "
                + prev.fullId() + " at the same distance", List.of(withText(e, result.toString()))));
    }

    /** The side of the line the most shots of the scene start on (the first shot's on a tie). */
    private int majority(ScenePlan plan) {
        int sum = 0;
        int first = 0;
        for (Shot s : plan.shots()) {
            int side = side(plan, s, 0);
            sum += side;
            first = first == 0 ? side : first;
        }
        return sum != 0 ? Integer.signum(sum) : first;
    }

    private int side(ScenePlan plan, Shot shot, double t) {
        return staging(shot).flatMap(st -> ActionLine.of(plan.axis().orElseThrow(), st, t)
                .map(l -> l.side(st.camera(t).eye().plan()))).orElse(0);
    }

    private Optional<Staging> staging(Shot shot) {
        return continuity.shot(shot.fullId()).filter(s -> s.shot() == shot).map(s -> new Staging(s, production.bible()));
    }

    static film.slate.core.model.Point mirror(film.slate.core.model.Point p, ActionLine line) {
        var d = line.to().minus(line.from());
        var foot = line.from().plus(d.times(p.minus(line.from()).dot(d) / d.dot(d)));
        return film.slate.core.model.Rounded.centimetres(foot.times(2).minus(p));
    }

    static film.slate.core.model.Point rotate(film.slate.core.model.Point p, film.slate.core.model.Point centre, double degrees) {
        double bearing = centre.bearingTo(p) + degrees;
        return film.slate.core.model.Rounded.centimetres(centre.plus(film.slate.core.model.Point.ofBearing(bearing)
                .times(centre.distance(p))));
    }

    private static String withZ(String point, java.util.OptionalDouble z) {
        return z.isPresent() ? point.substring(0, point.length() - 1) + ", " + Explain.fmt(z.getAsDouble()) + "]" : point;
    }

    private static QuickFix.Edit withText(QuickFix.Edit e, String text) {
        return new QuickFix.Edit(e.file(), e.line(), e.column(), e.length(), text);
    }

    /** The plain scalar written at {@code at}: up to a comma, brace, bracket, comment or the end of the line. */
    private Optional<QuickFix.Edit> scalar(SourcePosition at) {
        return line(at).map(text -> {
            int start = at.column() - 1;
            int end = start;
            while (end < text.length() && ",}]#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return new QuickFix.Edit(at.file(), at.line(), at.column(), end - start, "");
        }).filter(e -> e.length() > 0);
    }

    /** The flow point {@code [x, y]} or {@code [x, y, z]} written at {@code at}, brackets included. */
    private Optional<QuickFix.Edit> point(SourcePosition at) {
        return line(at).flatMap(text -> {
            int start = at.column() - 1;
            int end = text.indexOf(']', start);
            if (start >= text.length() || text.charAt(start) != '[' || end < 0) {
                return Optional.empty();
            }
            return Optional.of(new QuickFix.Edit(at.file(), at.line(), at.column(), end + 1 - start, ""));
        });
    }

    private Optional<String> line(SourcePosition at) {
        if (at.line() < 1 || at.column() < 1) {
            return Optional.empty();
        }
        return files.apply(at.file()).flatMap(text -> {
            List<String> lines = text.lines().toList();
            return at.line() <= lines.size() ? Optional.of(lines.get(at.line() - 1)) : Optional.empty();
        });
    }
}
