package film.slate.core.plan;

import film.slate.core.model.Framing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which shot sizes and lenses the solver tries for a beat, in the order it prefers them: the
 * style's size and lens for the idiom (a camera by intent: the declared size, any lens of the kit),
 * and the least score a candidate at a given size and lens can reach.
 */
final class LensChoice {
    private final PlanStyle style;

    LensChoice(PlanStyle style) {
        this.style = style;
    }

    /** The sizes to try, best first. */
    List<Framing> framings(Beat beat) {
        if (beat.written().isPresent()) {
            return List.of(beat.written().get().framing()); // the size the shot declares, exactly
        }
        return switch (beat.idiom()) {
            case MASTER -> List.of(Framing.WS, Framing.FS, Framing.EWS);
            case TWO -> List.of(Framing.MS, Framing.FS, Framing.WS);
            case OTS -> List.of(style.ots, tighter(style.ots));
            case SINGLE -> List.of(style.single, tighter(style.single), Framing.MS);
            case REACTION, INSERT -> List.of(style.reaction, Framing.MCU);
        };
    }

    private static Framing tighter(Framing f) {
        return Framing.values()[Math.min(Framing.ECU.ordinal(), f.ordinal() + 1)];
    }

    private double preferred(Beat beat) {
        return switch (beat.idiom()) {
            case MASTER -> style.masterLens;
            case TWO -> style.masterLens * 1.5;
            case OTS -> style.otsLens;
            case SINGLE -> style.singleLens;
            case REACTION, INSERT -> style.reactionLens;
        };
    }

    /** The kit, nearest the preferred lens first. */
    List<Double> lenses(Beat beat) {
        double pref = preferred(beat);
        List<Double> out = new ArrayList<>();
        for (double l : CameraSolver.KIT) {
            if (beat.written().isPresent() || l >= pref / CameraSolver.REACH && l <= pref * CameraSolver.REACH) {
                out.add(l); // a declared size may need any lens
            }
        }
        out.sort(Comparator.comparingDouble(l -> Math.abs(StrictMath.log(l / pref))));
        return out;
    }

    /** The least score any candidate at this size and lens can have: its lens and framing penalties. */
    double floor(Beat beat, Framing framing, double lens) {
        int rank = framings(beat).indexOf(framing);
        return 30 * Math.abs(StrictMath.log(lens / preferred(beat))) + 25 * Math.max(0, rank);
    }
}
