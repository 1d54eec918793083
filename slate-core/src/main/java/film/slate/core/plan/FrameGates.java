package film.slate.core.plan;

import film.slate.core.continuity.ShotState;
import film.slate.core.model.Framing;
import film.slate.core.model.MoveType;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.List;
import java.util.Optional;

/**
 * The solver's picture gates: the subjects' eyes inside the frame (the first with head room, the
 * shoulder of an over-the-shoulder past the edge and in front), and the size the shot is declared
 * at, steady through the shot.
 */
final class FrameGates {
    private final double aspect;
    private final Eyeline eyeline;
    private final LensChoice lenses;

    FrameGates(double aspect, Eyeline eyeline, LensChoice lenses) {
        this.aspect = aspect;
        this.eyeline = eyeline;
        this.lenses = lenses;
    }

    /** The frame test of {@link #framed} for a cast that stands still, on the pose alone. */
    boolean quickFrame(Beat beat, ShotState state, CameraPose pose) {
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        for (int i = 0; i < beat.subjects().size(); i++) {
            String c = beat.subjects().get(i);
            var at = state.start().get(c);
            if (at == null || (i > 0 && !group && beat.idiom() != Idiom.OTS)) {
                continue;
            }
            double margin = i == 0 || group ? CameraSolver.HEAD_ROOM : CameraSolver.SHOULDER;
            if (!Sight.inFrame(pose, Vec3.of(at.at(), Staging.eyeHeight(state, c, eyeline.heightOf(c))), aspect, margin)) {
                return false;
            }
        }
        return true;
    }

    boolean framed(Beat beat, Sight sight, double[] instants) {
        List<String> who = people(beat, sight.staging());
        for (int i = 0; i < who.size(); i++) {
            boolean partner = i > 0 && beat.idiom() != Idiom.MASTER && beat.idiom() != Idiom.TWO;
            if (partner && beat.idiom() != Idiom.OTS) {
                continue; // a single's listener is off screen
            }
            for (double t : instants) {
                Vec3 eyes = sight.eyes(who.get(i), t).orElseThrow();
                if (!sight.inFrame(eyes, t, partner ? CameraSolver.SHOULDER : CameraSolver.HEAD_ROOM)) {
                    return false;
                }
                if (partner) { // the shoulder is in front of the subject
                    CameraPose pose = sight.staging().camera(t);
                    if (pose.depth(eyes) > pose.depth(sight.eyes(who.get(0), t).orElseThrow()) - 0.3) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The framing the shot is declared at: the one sampled for singles, the measured one (wide enough) for groups. */
    Optional<Framing> sized(Beat beat, Sight sight, Framing sampled, double[] instants) {
        String subject = people(beat, sight.staging()).get(0);
        Framing first = sight.size(subject, 0).orElse(null);
        if (first == null) {
            return Optional.empty();
        }
        for (double t : instants) {
            Optional<Framing> f = sight.size(subject, t);
            if (f.isEmpty() || f.get().stepsTo(first) > 0) {
                return Optional.empty();
            }
        }
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        if (group) {
            return lenses.framings(beat).contains(first) ? Optional.of(first) : Optional.empty();
        }
        return first == sampled ? Optional.of(first) : Optional.empty();
    }

    /** The beat's subjects who are on set. */
    static List<String> people(Beat beat, Staging staging) {
        return beat.subjects().stream().filter(s -> staging.position(s, 0).isPresent()).toList();
    }

    /** Whether nobody moves and the camera stands still: every instant of the shot is the same picture. */
    static boolean still(Beat beat, ShotState state) {
        return state.start().equals(state.end()) && beat.written().map(w -> w.move().type() == MoveType.STATIC).orElse(true);
    }
}
