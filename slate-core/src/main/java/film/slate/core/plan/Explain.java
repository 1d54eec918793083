package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.stage.Staging;
import java.util.Locale;
import java.util.Optional;

/** The sentence {@code slate plan --explain} prints for a placed camera: the idiom, where it stands and why. */
final class Explain {
    private Explain() {
    }

    static String why(Beat beat, Framing framing, double lens, Point at, double height, Staging staging, double off,
            Optional<ActionLine> line, int side) {
        String s = beat.subjects().get(0);
        String partner = beat.subjects().size() > 1 ? beat.subjects().get(1) : "";
        String what = switch (beat.idiom()) {
            case MASTER -> "the master: the whole cast, " + framing.words();
            case TWO -> "a two-shot of " + String.join(" and ", beat.subjects()) + ", " + framing.words();
            case OTS -> "over " + partner + "'s shoulder onto " + s + " (the external reverse of the triangle), "
                    + framing.words();
            case SINGLE -> "a single of " + s + " from inside the pair (the internal reverse), " + framing.words();
            case REACTION -> "a reaction cutaway of " + s + ", " + framing.words();
            case INSERT -> "an insert of " + s;
        };
        Point subject = staging.position(s, 0).orElse(at);
        String onSide = line.map(l -> "on the " + (side > 0 ? "left" : "right") + " of the action line " + l.label()
                + " (" + fmt(Math.abs(l.signedDistance(at))) + " m off it), the side every camera of the scene keeps")
                .orElse("");
        return what + "; camera at " + at + ", " + fmt(at.distance(subject)) + " m from " + s + " at bearing "
                + String.format(Locale.ROOT, "%.0f", subject.bearingTo(at)) + ", " + String.format(Locale.ROOT, "%.0f", off)
                + " degrees off the idiom's ideal angle, " + onSide + "; a " + fmt(lens) + " mm lens makes " + s + " ("
                + fmt(staging.height(s)) + " m) a " + framing + " at that distance; height " + fmt(height)
                + " m (eye level" + (beat.idiom() == Idiom.MASTER ? " of the group" : "") + ")";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
    }
}
