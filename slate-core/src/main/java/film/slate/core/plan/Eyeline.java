package film.slate.core.plan;

import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Point;
import film.slate.core.model.Rounded;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the solver's camera looks and how high it stands: a single at its subject's eyes (lowered
 * by the style), a master or two-shot at the middle of the group (a master raised by the style).
 */
final class Eyeline {
    private final Bible bible;
    private final PlanStyle style;

    Eyeline(Bible bible, PlanStyle style) {
        this.bible = bible;
        this.style = style;
    }

    /** Eye level of the subject (wherever their posture puts it), or the whole cast for a master; styles lower singles and raise masters. */
    double height(Beat beat, ShotState state) {
        double[] eyes = beat.subjects().stream().mapToDouble(c -> Staging.eyeHeight(state, c, heightOf(c))).toArray();
        double eye = eyes.length == 0 ? 1.75 * Sight.EYES : eyes[0] + style.singleDrop;
        if (beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO) {
            eye = Arrays.stream(eyes).average().orElse(1.75 * Sight.EYES) + (beat.idiom() == Idiom.MASTER ? style.masterRise : 0);
        } else if (beat.idiom() == Idiom.OTS && eyes.length > 1 && eyes[1] - eyes[0] > 0.2) { // a seated subject, a standing partner
            eye = Math.max(eye, eyes[1]);
        }
        return Rounded.cameraHeight(eye);
    }

    /** {@code character}'s height from the bible (one whose eyes are at 1.6 m when it has none). */
    double heightOf(String character) {
        return bible.characters().containsKey(character) ? bible.characters().get(character).height() : 1.6 / 0.93;
    }

    /** Singles look at their subject, so the aim follows them; two-shots and masters at the middle of the group. */
    Aim aim(Beat beat, Staging staging) {
        if (beat.idiom() != Idiom.MASTER && beat.idiom() != Idiom.TWO) {
            return Aim.at(beat.subjects().get(0));
        }
        Vec3 p = aimPoint(beat, staging);
        return new Aim(Optional.empty(), Optional.of(Rounded.centimetres(p.plan())), OptionalDouble.of(Rounded.centimetres(p.z())));
    }

    /** The middle of the group at eye height (for a master or two-shot) or the subject's eyes. */
    static Vec3 aimPoint(Beat beat, Staging staging) {
        List<String> who = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO ? FrameGates.people(beat, staging)
                : List.of(beat.subjects().get(0));
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE, z = 0;
        for (String c : who) {
            for (double t : new double[] {0, 1}) {
                Point p = staging.position(c, t).orElseThrow();
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            z += staging.eyes(c, 0).map(Vec3::z).orElse(staging.height(c) * Sight.EYES) / who.size();
        }
        return new Vec3((minX + maxX) / 2, (minY + maxY) / 2, z);
    }
}
