package film.slate.core.plan;

/** The sentence that says which constraint no camera could meet for a beat, and what would make room. */
final class Refusal {
    private Refusal() {
    }

    static String sentence(Beat beat, Candidates tally, SceneSetup setup) {
        String s = beat.subjects().get(0);
        String idiom = beat.idiom().name().toLowerCase(java.util.Locale.ROOT);
        String what = ("aeiou".indexOf(idiom.charAt(0)) >= 0 ? "an " : "a ") + idiom + " of " + String.join(" and ", beat.subjects());
        String room = Explain.fmt(setup.width()) + " x " + Explain.fmt(setup.depth()) + " m room"
                + (setup.location().isEmpty() ? "" : " " + setup.location());
        String fix = "; make the room bigger in bible/locations.yaml or move the cast's marks";
        return switch (tally.blocking().orElse(Candidates.Gate.CUT)) {
            case ROOM -> "no camera for " + what + " fits inside the " + room + ", " + Explain.fmt(CameraSolver.WALL)
                    + " m clear of the walls and off the set pieces, at the distance the shot size needs with any lens from "
                    + (beat.written().isPresent() ? Explain.fmt(CameraSolver.KIT[0]) : "18") + " to 135 mm" + fix;
            case CAST -> "every camera position for " + what + " inside the " + room + " is within "
                    + Explain.fmt(CameraSolver.CLEARANCE) + " m of a cast member" + fix;
            case LINE -> "no camera position for " + what + " inside the " + room + " is on one side of the action line, "
                    + Explain.fmt(CameraSolver.LINE_MARGIN) + " m clear of it" + fix;
            case FRAME -> "from no legal position in the " + room + " does any lens hold " + String.join(" and ", beat.subjects())
                    + " in frame" + fix;
            case HIDDEN -> "from every legal position in the " + room + " someone or a piece of the set stands between the lens and " + s + fix;
            case SIZE -> "no legal position in the " + room + " frames " + s + " at the shot size " + what + " needs" + fix;
            case ORDER -> "every legal position for " + what + " would swap the cast's left-right order on screen" + fix;
            case GAZE -> "from every legal position for " + what + ", " + s + " would look across the screen the same way"
                    + " as in the reverse, so the two would not face each other" + fix;
            case CUT -> "every legal position for " + what + " is within " + (int) CameraSolver.MIN_TURN
                    + " degrees of the shot before it at a similar size" + fix;
        };
    }
}
