package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Framing;
import film.slate.core.model.Shot;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Occluder;
import film.slate.core.stage.ShotSize;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Vec3;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The framing rules, measured through previz's own camera ({@link Sight}) at the first, middle and
 * last frame: {@code framing/out-of-frame} (the first subject's eyes in the picture, any other
 * subject at least at its edge, as the shoulder of an over-the-shoulder is), {@code framing/hidden}
 * (no one, and no piece of the set, between the lens and a subject's eyes) and {@code framing/size} (the declared framing
 * within one size of what the lens, distance and height give, at some instant, so a push-in may
 * pass through sizes). Inserts are about props and are judged by {@link InsertRule}.
 */
final class FramingRule implements CheckRule {
    /** How far past the frame edge a subject other than the first may be (a shoulder in the foreground). */
    static final double EDGE = 1.3;
    /** The declared framing may be this many sizes off before the rule fires: sizes have soft edges. */
    static final int SIZE_TOLERANCE = 1;
    static final double[] INSTANTS = {0, 0.5, 1};

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Shot shot : scene.production().shots()) {
            Optional<Sight> sight = scene.sight(shot);
            if (sight.isEmpty()) {
                continue;
            }
            offSet(scene, shot, sight.get(), d);
            if (shot.framing() == Framing.INSERT) {
                continue;
            }
            List<String> people = shot.subjects().stream()
                    .filter(s -> sight.get().staging().position(s, 0).isPresent()).toList();
            boolean seen = true;
            for (int i = 0; i < people.size(); i++) {
                seen &= inFrame(shot, sight.get(), people.get(i), i == 0 ? 1 : EDGE, d);
            }
            for (String subject : people) {
                hidden(shot, sight.get(), subject, d);
            }
            if (!people.isEmpty() && seen) {
                size(shot, sight.get(), people.get(0), d);
            }
        }
    }

    /** A subject in the scene's cast who is off set for the whole shot (not entered yet, or gone) is not in frame. */
    private static void offSet(Scene scene, Shot shot, Sight sight, Diagnostics d) {
        var plan = scene.production().scene(shot.scene());
        for (String subject : shot.subjects()) {
            if (plan.isPresent() && plan.get().cast().containsKey(subject)
                    && sight.staging().position(subject, 0).isEmpty()) {
                d.add(Diagnostic.ofShot(Rule.FRAMING_OUT_OF_FRAME, shot.where().at("subjects"), shot.fullId(), subject
                        + " is a subject of shot " + shot.fullId() + " but is off set during it (they have not entered"
                        + " yet, or have exited); bring them on with 'enters:' in this shot's blocking, or drop them from"
                        + " 'subjects'"));
            }
        }
    }

    private static boolean inFrame(Shot shot, Sight sight, String subject, double margin, Diagnostics d) {
        for (double t : INSTANTS) {
            Vec3 eyes = sight.eyes(subject, t).orElseThrow();
            if (!sight.inFrame(eyes, t, margin)) {
                d.add(Diagnostic.ofShot(Rule.FRAMING_OUT_OF_FRAME, shot.camera().where().at("at"), shot.fullId(), subject
                        + " is out of frame " + when(t) + " of shot " + shot.fullId() + " ("
                        + where(sight.staging().camera(t), eyes) + "); aim the camera at " + subject
                        + ", widen the lens or move the camera back"));
                return false;
            }
        }
        return true;
    }

    private static void hidden(Shot shot, Sight sight, String subject, Diagnostics d) {
        for (double t : INSTANTS) {
            Optional<Occluder> by = sight.hiddenBy(subject, t);
            if (by.isPresent()) {
                d.add(Diagnostic.ofShot(Rule.FRAMING_HIDDEN, shot.camera().where().at("at"), shot.fullId(), by.get().named()
                        + " stands between the lens and " + subject + "'s face " + when(t) + " of shot " + shot.fullId()
                        + "; move the camera sideways or higher until " + subject + " is clear"));
                return;
            }
        }
    }

    private static void size(Shot shot, Sight sight, String subject, Diagnostics d) {
        Framing seen = null;
        for (double t : INSTANTS) {
            Optional<Framing> f = sight.size(subject, t);
            if (f.isEmpty()) {
                return;
            }
            if (f.get().stepsTo(shot.framing()) <= SIZE_TOLERANCE) {
                return;
            }
            seen = seen == null ? f.get() : seen;
        }
        CameraPose pose = sight.staging().camera(0);
        double depth = pose.depth(sight.eyes(subject, 0).orElseThrow());
        double height = sight.staging().height(subject);
        double ratio = ShotSize.pictureHeight(pose.lens(), depth, sight.aspect()) / height;
        d.add(Diagnostic.ofShot(Rule.FRAMING_SIZE, shot.where().at("framing"), shot.fullId(), "shot " + shot.fullId()
                + " is declared " + shot.framing() + " but its " + CameraPlacementRule.fmt(pose.lens()) + " mm lens at "
                + String.format(Locale.ROOT, "%.1f", depth) + " m frames " + subject + " (" + CameraPlacementRule.fmt(height)
                + " m) as " + seen + "; declare " + seen + ", or move the camera to about "
                + String.format(Locale.ROOT, "%.1f", depth * ShotSize.ratio(shot.framing()) / ratio)
                + " m from " + subject));
    }

    static String when(double t) {
        return t == 0 ? "at the start" : t == 1 ? "at the end" : "in the middle";
    }

    private static String where(CameraPose pose, Vec3 p) {
        return pose.project(p).map(s -> Math.abs(s.x()) > 1 ? (s.x() > 0 ? "right of the frame" : "left of the frame")
                : (s.y() > 0 ? "above the frame" : "below the frame")).orElse("behind the camera");
    }
}
