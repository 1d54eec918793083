package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Framing;
import film.slate.core.model.Shot;
import film.slate.core.stage.Occluder;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Vec3;
import java.util.Optional;

/**
 * {@code framing/insert}: an insert is about a prop, so the prop it names must be seen at the
 * start, middle or end of the shot: in the picture (in the hand that holds it then, or where it
 * rests on the set, as previz draws it) with no one and no piece of the set between the lens and
 * it, as {@code framing/hidden} measures a face ({@link Sight#propHiddenBy}).
 */
final class InsertRule implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Shot shot : scene.production().shots()) {
            if (shot.framing() != Framing.INSERT) {
                continue;
            }
            Optional<Sight> sight = scene.sight(shot);
            if (sight.isEmpty()) {
                continue;
            }
            for (String prop : shot.subjects()) {
                if (scene.production().bible().props().containsKey(prop)) {
                    unseen(shot, sight.get(), prop, d);
                }
            }
        }
    }

    /** Reports {@code prop} when it is out of frame, or hidden, at each of the shot's start, middle and end. */
    private static void unseen(Shot shot, Sight sight, String prop, Diagnostics d) {
        Optional<Occluder> hiding = Optional.empty();
        double hidden = 0;
        for (double t : FramingRule.INSTANTS) {
            Optional<Vec3> at = sight.prop(prop, t);
            if (at.isPresent() && sight.inFrame(at.get(), t, 1)) {
                Optional<Occluder> by = sight.propHiddenBy(prop, t);
                if (by.isEmpty()) {
                    return;
                }
                if (hiding.isEmpty()) {
                    hiding = by;
                    hidden = t;
                }
            }
        }
        if (hiding.isPresent()) {
            d.add(Diagnostic.ofShot(Rule.FRAMING_INSERT, shot.camera().where().at("at"), shot.fullId(), hiding.get()
                    .named() + " stands between the lens and " + prop + " " + FramingRule.when(hidden) + " of insert "
                    + shot.fullId() + ", which is about " + prop + " and never shows it; move the camera sideways or"
                    + " higher until " + prop + " is clear"));
            return;
        }
        d.add(Diagnostic.ofShot(Rule.FRAMING_INSERT, shot.where().at("subjects"), shot.fullId(), "insert "
                + shot.fullId() + " is about " + prop + ", which is not in frame at its start, middle or end"
                + place(sight, prop) + "; aim the camera at where " + prop + " is, e.g. 'look_at: "
                + sight.prop(prop, 0.5).map(InsertRule::point).orElse("[x, y, z]") + "'"));
    }

    private static String place(Sight sight, String prop) {
        return sight.prop(prop, 0.5).isPresent() ? "" : " (no one holds it and it rests nowhere on the set)";
    }

    static String point(Vec3 p) {
        return "[" + CameraPlacementRule.fmt(round(p.x())) + ", " + CameraPlacementRule.fmt(round(p.y())) + ", "
                + CameraPlacementRule.fmt(round(p.z())) + "]";
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
