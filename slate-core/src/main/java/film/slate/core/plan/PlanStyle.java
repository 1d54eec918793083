package film.slate.core.plan;

import film.slate.core.model.Framing;
import java.util.Locale;

/**
 * How a scene is covered: the shot size and preferred lens of each idiom, and where the camera
 * stands in height. Classic is the textbook; intimate is tighter on longer lenses; kinetic is wider,
 * with low singles and a high master.
 */
public enum PlanStyle {
    CLASSIC(Framing.MS, 40, Framing.MCU, 50, Framing.CU, 65, 24, 0, 0),
    INTIMATE(Framing.MCU, 65, Framing.CU, 85, Framing.CU, 100, 35, 0, 0),
    KINETIC(Framing.MS, 28, Framing.MCU, 35, Framing.CU, 40, 18, -0.35, 0.8);

    final Framing ots;
    final double otsLens;
    final Framing single;
    final double singleLens;
    final Framing reaction;
    final double reactionLens;
    final double masterLens;
    /** Metres below eye level for singles and over-the-shoulders (a low angle), and above it for the master. */
    final double singleDrop;
    final double masterRise;

    PlanStyle(Framing ots, double otsLens, Framing single, double singleLens, Framing reaction, double reactionLens,
            double masterLens, double singleDrop, double masterRise) {
        this.ots = ots;
        this.otsLens = otsLens;
        this.single = single;
        this.singleLens = singleLens;
        this.reaction = reaction;
        this.reactionLens = reactionLens;
        this.masterLens = masterLens;
        this.singleDrop = singleDrop;
        this.masterRise = masterRise;
    }

    /** The lower-case word of the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
